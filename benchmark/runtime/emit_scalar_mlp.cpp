// Writes the generated passes of the benchmarked scalar 2-16-16-1 network as standalone C++
// (memograd::cpp_source): bench_scalar_mlp compiles it as plain straight-line code.
#include <memograd/autodiff.hpp>
#include <memograd/autodiff/dense_network.hpp>

#include <cstdio>

int main() {
    std::fputs(memograd::cpp_source(memograd::dense_network_loss<2, 16, 2>(), "emitted_network_gradient").c_str(),
               stdout);
}
