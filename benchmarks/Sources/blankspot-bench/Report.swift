import Foundation

/// Prints results as a text table and as Markdown (for benchmarks/RESULTS.md).
enum Report {
    static func table(_ results: [BenchResult]) -> String {
        func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
        func lpad(_ s: String, _ n: Int) -> String { s.count >= n ? s : String(repeating: " ", count: n - s.count) + s }
        var lines = ["", pad("benchmark", 46) + lpad("median", 10) + lpad("cells/s", 11) + lpad("peak MiB", 10) + "  check"]
        for r in results {
            let cells = r.cellsPerS.map { String(format: "%.3g", $0) } ?? "-"
            lines.append(pad(r.name, 46) + lpad(String(format: "%.3f s", r.medianS), 10) + lpad(cells, 11)
                         + lpad(String(format: "%.0f", r.peakMiB ?? 0), 10) + "  " + (r.checkPassed ? "ok" : "FAILED: " + r.checkDescription))
            for (k, v) in r.figures.sorted(by: { $0.key < $1.key }) {
                lines.append("    \(k) = \(format(v))")
            }
            for n in r.notes { lines.append("    (\(n))") }
        }
        return lines.joined(separator: "\n")
    }

    static func markdown(_ results: [BenchResult], mode: BenchMode, machine: String) -> String {
        var s = "| benchmark | median | cells/s | peak MiB | figures |\n|---|---|---|---|---|\n"
        for r in results {
            let figs = r.figures.sorted(by: { $0.key < $1.key }).map { "\($0.key) \(format($0.value))" }.joined(separator: "; ")
            s += "| \(r.name) | \(String(format: "%.3f", r.medianS)) s | \(r.cellsPerS.map { String(format: "%.3g", $0) } ?? "–") | \(String(format: "%.0f", r.peakMiB ?? 0)) | \(figs) |\n"
        }
        s += "\n\(mode.rawValue) mode, \(machine).\n"
        return s
    }

    static func format(_ v: Double) -> String {
        if v == v.rounded() && abs(v) < 1e12 { return String(Int64(v)) }
        return String(format: abs(v) >= 100 ? "%.1f" : "%.4g", v)
    }
}
