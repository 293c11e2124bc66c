#pragma once
// What the two-moons examples write: the decision boundary and the loss curve as SVG images a person can
// open, and the same as data files for the docs' gnuplot figures (docs/generate.py). Shared by
// train_moons.cpp (trained at run time) and compile_time_moons.cpp (trained by the compiler).
#include <algorithm>
#include <cstddef>
#include <fstream>
#include <span>
#include <string>

namespace moons_figures {

// The plane [-1.5, 2.5] x [-1, 1.5] coloured by the network's class (output above `threshold`), with the
// training points on top (`upper(k)`: point k is labelled as the class above the threshold).
template <class Net, class Points, class Upper>
void write_boundary_svg(const std::string& path, const typename Net::parameters& p, const Points& inputs,
                        Upper upper, double threshold, const std::string& title) {
    constexpr int cells = 80, size = 480;
    constexpr double x0 = -1.5, x1 = 2.5, y0 = -1.0, y1 = 1.5;
    std::ofstream svg(path);
    svg << R"(<svg xmlns="http://www.w3.org/2000/svg" width=")" << size << R"(" height=")" << size * 5 / 8
        << R"(" viewBox="0 0 )" << size << ' ' << size * 5 / 8 << "\">\n";
    const auto sx = [&](double x) { return (x - x0) / (x1 - x0) * size; };
    const auto sy = [&](double y) { return (y1 - y) / (y1 - y0) * size * 5 / 8; };
    const double cw = static_cast<double>(size) / cells, ch = size * 5.0 / 8 / cells;
    for (int i = 0; i < cells; ++i) {
        for (int j = 0; j < cells; ++j) {
            const double x = x0 + (i + 0.5) * (x1 - x0) / cells;
            const double y = y1 - (j + 0.5) * (y1 - y0) / cells;
            const bool above = Net::predict(p, {x, y})[0] > threshold;
            svg << R"(<rect x=")" << i * cw << R"(" y=")" << j * ch << R"(" width=")" << cw + 0.5 << R"(" height=")"
                << ch + 0.5 << R"(" fill=")" << (above ? "#f6c9a8" : "#b9d3ee") << "\"/>\n";
        }
    }
    for (std::size_t k = 0; k < std::size(inputs); ++k) {
        svg << R"(<circle cx=")" << sx(inputs[k][0]) << R"(" cy=")" << sy(inputs[k][1])
            << R"(" r="3.5" stroke="black" stroke-width="0.6" fill=")" << (upper(k) ? "#d9541e" : "#1f5fa8")
            << "\"/>\n";
    }
    svg << R"(<text x="8" y="18" font-family="Helvetica" font-size="14">)" << title << "</text>\n</svg>\n";
}

// The loss per epoch or step as a polyline; `label` names what is plotted.
inline void write_loss_svg(const std::string& path, std::span<const double> losses, const std::string& label) {
    constexpr int width = 480, height = 300, margin = 40;
    const double top = *std::ranges::max_element(losses);
    std::ofstream svg(path);
    svg << R"(<svg xmlns="http://www.w3.org/2000/svg" width=")" << width << R"(" height=")" << height << "\">\n"
        << R"(<rect width="100%" height="100%" fill="white"/>)" << '\n'
        << R"(<line x1=")" << margin << R"(" y1=")" << height - margin << R"(" x2=")" << width - 10 << R"(" y2=")"
        << height - margin << R"(" stroke="black"/>)" << '\n'
        << R"(<line x1=")" << margin << R"(" y1="10" x2=")" << margin << R"(" y2=")" << height - margin
        << R"(" stroke="black"/>)" << '\n' << R"(<polyline fill="none" stroke="#d9541e" stroke-width="2" points=")";
    for (std::size_t e = 0; e < losses.size(); ++e) {
        const double x = margin + static_cast<double>(e) / static_cast<double>(losses.size() - 1) * (width - margin - 10);
        const double y = (height - margin) - losses[e] / top * (height - margin - 10);
        svg << x << ',' << y << ' ';
    }
    svg << "\"/>\n" << R"(<text x=")" << width / 2 - 20 << R"(" y=")" << height - 10
        << R"(" font-family="Helvetica" font-size="13">)" << label.substr(0, label.find(' ')) << "</text>\n"
        << R"(<text x="48" y="22" font-family="Helvetica" font-size="13">)" << label.substr(label.find(' ') + 1)
        << " (max " << top << ")</text>\n</svg>\n";
}

// For gnuplot: the network's output on a 101 x 101 grid over the plane (one blank line between rows), and
// the points with their class (1 above the threshold, 0 below).
template <class Net, class Points, class Upper>
void write_boundary_data(const std::string& prefix, const typename Net::parameters& p, const Points& inputs,
                         Upper upper) {
    std::ofstream grid(prefix + "_boundary.dat");
    grid << "# x y network_output (gnuplot grid: one blank line between rows)\n";
    constexpr int cells = 100;
    for (int i = 0; i <= cells; ++i) {
        for (int j = 0; j <= cells; ++j) {
            const double x = -1.5 + 4.0 * i / cells;
            const double y = -1.0 + 2.5 * j / cells;
            grid << x << ' ' << y << ' ' << Net::predict(p, {x, y})[0] << '\n';
        }
        grid << '\n';
    }
    std::ofstream out(prefix + "_points.dat");
    out << "# x y class\n";
    for (std::size_t k = 0; k < std::size(inputs); ++k) {
        out << inputs[k][0] << ' ' << inputs[k][1] << ' ' << (upper(k) ? 1 : 0) << '\n';
    }
}

}  // namespace moons_figures
