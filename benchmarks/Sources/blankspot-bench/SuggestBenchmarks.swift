import BlankSpotCore
import Foundation

/// `demo --sample bungo --suggest K`: the whole chain on real terrain and land cover, the
/// candidate sweeps, the solver and the certificate. Passes when no simple rule of
/// baselines.csv does better at the same number of sites (the village rules seed the solver, so
/// this checks the seeding end to end, and that random draws stay below).
enum SuggestBenchmarks {
    static func bungo(sites: Int, gridM: Double, maxSweeps: Int, mode: BenchMode) throws -> BenchResult {
        let out = Paths.work.appendingPathComponent("suggest-bungo-\(sites)").path
        let data = Paths.root.appendingPathComponent("data/bungo").path
        let clock = ContinuousClock.now
        let r = try Shell.run(Paths.blankspot, ["demo", "--sample", "bungo", "--data", data, "--out", out, "--suggest", String(sites),
                                                "--grid-m", CSVWriter.number(gridM), "--max-sweeps", String(maxSweeps)])
        let d = ContinuousClock.now - clock
        let seconds = Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        guard r.status == 0 else { throw BenchError("demo --suggest failed: \(r.output)") }
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/suggest/run.json"))) as! [String: Any]
        let timings = manifest["timings_s"] as! [String: Double]
        let counts = manifest["counts"] as! [String: Int]
        let certificate = manifest["certificate"] as! [String: Any]
        let people = manifest["people"] as! [String: Double]
        let baselines = manifest["baselines"] as! [[String: Any]]
        let objective = (certificate["objective"] as! NSNumber).doubleValue
        let best = baselines.map { ($0["objective"] as! NSNumber).doubleValue }.max() ?? 0
        let sweeps = Double(counts["candidate_sweeps"] ?? 0)
        var figures: [String: Double] = [
            "total_s": seconds, "sweep_s": timings["sweep"] ?? 0, "solve_s": timings["solve"] ?? 0, "bound_s": timings["bound"] ?? 0,
            "baselines_s": timings["baselines"] ?? 0, "sweeps": sweeps, "seconds_per_sweep": (timings["sweep"] ?? 0) / max(1, sweeps),
            "people_newly_served": people["newly_served"] ?? 0, "villages_lifted": Double(counts["villages_lifted"] ?? 0),
            "objective": objective, "gap_percent": (certificate["gap_percent"] as! NSNumber).doubleValue,
            "best_simple_rule_percent": objective > 0 ? 100 * best / objective : 0,
        ]
        if let lp = certificate["lp_upper_bound"] as? NSNumber { figures["lp_upper_bound"] = lp.doubleValue }
        return BenchResult(
            name: "suggest-bungo-\(sites)", medianS: seconds, runsS: [seconds], cellsPerS: nil, figures: figures,
            notes: ["`blankspot demo --sample bungo --suggest \(sites) --grid-m \(CSVWriter.number(gridM)) --max-sweeps \(maxSweeps)` end to end (coverage, villages, suggestion)",
                    "simple rules: " + baselines.map { "\($0["rule"] as! String): \(String(format: "%.1f", 100 * ($0["objective"] as! NSNumber).doubleValue / max(objective, 1))) %" }.joined(separator: "; ")],
            checkPassed: best <= objective,
            checkDescription: "the suggestion's objective \(String(format: "%.0f", objective)) is at least the best simple rule's (\(String(format: "%.0f", best)))")
    }
}
