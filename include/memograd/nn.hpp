#pragma once
/// @file
/// @brief The expression-template MLP: layer-level graphs, generated backward pass, training.

#include "nn/activation.hpp"
#include "nn/data.hpp"
#include "nn/loss.hpp"
#include "nn/layer_graph.hpp"
#include "nn/layer_passes.hpp"
#include "nn/layer_print.hpp"
#include "nn/mlp.hpp"
#include "nn/optimizer.hpp"
