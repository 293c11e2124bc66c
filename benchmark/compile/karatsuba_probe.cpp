// One product of PROBE_LIMBS-limb pseudo-random operands computed by the compiler, for
// benchmark/karatsuba_spike.sh. PROBE_OP: 1 memograd::multiply, 2 memograd::square (Karatsuba, or the
// number-theoretic transform from detail::ntt_threshold() limbs), 3 Boost's own operator* (schoolbook in
// constant evaluation), 4 and 5 the transform's product and square, 6 Karatsuba's product at any size;
// 0 measures the headers alone.
#include <memograd/fibonacci/karatsuba.hpp>

#include <cstddef>
#include <cstdint>

#ifndef PROBE_LIMBS
#define PROBE_LIMBS 5424
#endif

namespace {

constexpr std::size_t limbs = PROBE_LIMBS;
using operand = memograd::fixed_uint<64 * limbs>;

// xorshift64 limbs, the top one kept non-zero so both operands have exactly `limbs` limbs.
[[maybe_unused]] constexpr operand random_operand(std::uint64_t seed) {
    return memograd::detail::from_limbs<64 * limbs>(limbs, [seed](memograd::detail::limb* out) mutable {
        for (std::size_t i = 0; i < limbs; ++i) {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            out[i] = seed | (i + 1 == limbs ? 1 : 0);
        }
    });
}

#if PROBE_OP != 0
constexpr operand a = random_operand(0x9E3779B97F4A7C15u);
#endif
#if PROBE_OP == 1 || PROBE_OP == 3 || PROBE_OP == 4 || PROBE_OP == 6
constexpr operand b = random_operand(0xD1B54A32D192ED03u);
#endif

#if PROBE_OP == 1
constexpr auto product = memograd::multiply(a, b);
#elif PROBE_OP == 2
constexpr auto product = memograd::square(a);
#elif PROBE_OP == 4
constexpr auto product = memograd::detail::from_limbs<128 * limbs>(2 * limbs, [](memograd::detail::limb* r) {
    memograd::detail::ntt_multiply_limbs(r, memograd::detail::limbs_of(a), limbs, memograd::detail::limbs_of(b), limbs);
});
#elif PROBE_OP == 5
constexpr auto product = memograd::detail::from_limbs<128 * limbs>(2 * limbs, [](memograd::detail::limb* r) {
    memograd::detail::ntt_multiply_limbs(r, memograd::detail::limbs_of(a), limbs, memograd::detail::limbs_of(a), limbs);
});
#elif PROBE_OP == 6
constexpr auto product = memograd::detail::from_limbs<128 * limbs>(2 * limbs, [](memograd::detail::limb* r) {
    memograd::detail::limb_buffer scratch(memograd::detail::karatsuba_scratch(limbs));
    memograd::detail::karatsuba_multiply(r, memograd::detail::limbs_of(a), memograd::detail::limbs_of(b), limbs,
                                         scratch.data());
});
#elif PROBE_OP == 3
constexpr auto product = memograd::fixed_uint<128 * limbs>(a) * memograd::fixed_uint<128 * limbs>(b);
#endif

}  // namespace

int main() {
#if PROBE_OP != 0
    return static_cast<int>(product % 251u);
#else
    return 0;
#endif
}
