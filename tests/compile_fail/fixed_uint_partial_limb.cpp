// expect: (constraints not satisfied|Bits % 64 == 0)
#include <memograd/fibonacci.hpp>

memograd::fixed_uint<100> x;

int main() {}
