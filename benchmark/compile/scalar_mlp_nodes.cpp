// Prints the graph size of benchmark/compile/scalar_mlp_probe.cpp for its PROBE_HIDDEN.
#define PROBE_GRAD 0
#include "scalar_mlp_probe.cpp"

#include <cstdio>

namespace {
const int printed = std::printf("%zu %zu %.0f %.0f\n", memograd::stats<net_t>::nodes, memograd::stats<net_t>::edges,
                                memograd::stats<net_t>::tree_nodes, memograd::stats<net_t>::path_terms);
}
