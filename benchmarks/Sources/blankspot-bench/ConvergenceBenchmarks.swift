import BlankSpotCore
import BlankSpotPipeline
import Foundation

/// The automatic reach's convergence on a demo sample: the default run against one where every
/// tower is evaluated to twice its reach (`--reach-scale 2`). Converged means: no village
/// changes status, the served population differs by at most 0.5 %, and no tower is cut.
enum ConvergenceBenchmarks {
    struct DemoRun {
        var seconds: Double
        /// Village id → status, for the blank and partial villages (the rest are covered).
        var statuses: [String: String]
        var servedPopulation: Double
        var towersCut: Int
        var towers: Int
    }

    static func demo(sample: String, mode: BenchMode) throws -> BenchResult {
        let base = try run(sample: sample, extra: [], label: "default")
        let doubled = try run(sample: sample, extra: ["--reach-scale", "2"], label: "doubled")
        let changed = Set(base.statuses.keys).union(doubled.statuses.keys).filter { base.statuses[$0] != doubled.statuses[$0] }.count
        let populationChange = abs(doubled.servedPopulation - base.servedPopulation) / max(1, base.servedPopulation)
        let converged = changed == 0 && populationChange <= 0.005 && base.towersCut == 0 && doubled.towersCut == 0
        let data = Paths.root.appendingPathComponent("data/\(sample)").path
        let (landCover, table) = sample == "bungo"
            ? (data + "/" + BungoSample.landCoverFileName, data + "/" + BungoSample.landCoverTableFileName)
            : (data + "/generated/" + KalselSample.landCoverFileName, data + "/" + KalselSample.landCoverTableFileName)
        let served = try ServedDistance.byCategory(out: Paths.work.appendingPathComponent("demo-\(sample)-default").path,
                                                   landCoverPath: landCover, tablePath: table)
        var figures: [String: Double] = ["default_s": base.seconds, "doubled_s": doubled.seconds, "villages_changed": Double(changed),
                                         "served_population_change_percent": populationChange * 100, "towers": Double(base.towers),
                                         "towers_cut": Double(base.towersCut), "towers_cut_doubled": Double(doubled.towersCut),
                                         "served_population": base.servedPopulation]
        for c in served {
            figures["served_km_median_\(c.name)"] = c.medianKm
            figures["served_km_p90_\(c.name)"] = c.p90Km
            figures["served_cells_\(c.name)"] = Double(c.cells)
        }
        return BenchResult(
            name: "demo-\(sample)-convergence", medianS: base.seconds, runsS: [base.seconds, doubled.seconds], cellsPerS: nil,
            figures: figures,
            notes: ["`blankspot demo --sample \(sample)` end to end with its defaults (automatic reach), then with `--reach-scale 2`",
                    "served cells' distance to their best server by land cover: "
                        + served.map { "\($0.name) median \(String(format: "%.1f", $0.medianKm)) km, 90th percentile \(String(format: "%.1f", $0.p90Km)) km (\($0.cells) cells)" }
                        .joined(separator: "; ")],
            checkPassed: converged,
            checkDescription: "converged: \(changed) villages change status (0 allowed), served population differs by "
                + String(format: "%.3f", populationChange * 100) + " % (0.5 % allowed), \(base.towersCut) and \(doubled.towersCut) towers cut (0 allowed)")
    }

    static func run(sample: String, extra: [String], label: String) throws -> DemoRun {
        let out = Paths.work.appendingPathComponent("demo-\(sample)-\(label)").path
        let data = Paths.root.appendingPathComponent("data/\(sample)").path
        let r = try Shell.run(Paths.blankspot, ["demo", "--sample", sample, "--data", data, "--out", out] + extra)
        guard r.status == 0 else { throw BenchError("demo \(sample) \(label) failed: \(r.output)") }
        let priority = try CSVTable(text: String(contentsOfFile: out + "/priority.csv", encoding: .utf8), file: "priority.csv")
        guard let id = priority.header.firstIndex(of: "village_id"), let status = priority.header.firstIndex(of: "status") else {
            throw BenchError("priority.csv: no village_id or status column")
        }
        var statuses: [String: String] = [:]
        for row in priority.rows { statuses[row.fields[id]] = row.fields[status] }
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/summary.json"))) as! [String: Any]
        let total = summary["total"] as! [String: Any]
        let population = (total["population"] as! NSNumber).doubleValue
        let uncovered = (total["people_without_service"] as! NSNumber).doubleValue
        let run = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/run.json"))) as! [String: Any]
        let counts = run["counts"] as! [String: Any]
        let towers = (run["towers"] as! [String: Any])["used"] as! Int
        return DemoRun(seconds: r.seconds, statuses: statuses, servedPopulation: population - uncovered,
                       towersCut: (counts["towers_cut_at_radius"] as? Int) ?? -1, towers: towers)
    }
}
