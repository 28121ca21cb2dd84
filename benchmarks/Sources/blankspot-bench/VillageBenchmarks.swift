import BlankSpotCore
import BlankSpotPipeline
import Foundation

/// Village aggregation over the 2,008 Kalsel villages on the sample's coverage grid.
enum VillageBenchmarks {
    static func kalsel(mode: BenchMode) throws -> BenchResult {
        let data = Paths.root.appendingPathComponent("data/kalsel").path
        let work = Paths.work.appendingPathComponent("villages")
        try? FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let terrain = work.appendingPathComponent("terrain.tif").path
        try KalselSample.generateTerrain(provincePath: data + "/" + KalselSample.provinceFileName, to: terrain,
                                         threads: ProcessInfo.processInfo.activeProcessorCount)
        let coverageOut = work.appendingPathComponent("coverage").path
        let c = try Shell.run(Paths.blankspot, ["coverage", "--dem", terrain, "--towers", data + "/" + KalselSample.towersFileName,
                                                "--out", coverageOut, "--model", "fspl", "--radius-km", "15", "--overwrite"])
        guard c.status == 0 else { throw BenchError("coverage failed: \(c.output)") }
        var runs: [Double] = []
        var last = ""
        for i in 0..<mode.repetitions {
            let out = work.appendingPathComponent("villages\(i)").path
            let r = try Shell.run(Paths.blankspot, ["villages", "--coverage", coverageOut, "--villages", data + "/" + KalselSample.villagesFileName,
                                                    "--out", out, "--overwrite"])
            guard r.status == 0 else { throw BenchError("villages failed: \(r.output)") }
            runs.append(r.seconds)
            last = out
        }
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: last + "/summary.json"))) as! [String: Any]
        let total = summary["total"] as! [String: Any]
        let rated = total["villages"] as! Int, skipped = (summary["skipped"] as! [Any]).count
        let median = Timing.median(runs)
        return BenchResult(name: "villages-kalsel-2008", medianS: median, runsS: runs, cellsPerS: nil,
                           figures: ["villages_rated": Double(rated), "villages_skipped": Double(skipped),
                                     "villages_per_s": Double(rated) / median],
                           notes: ["whole `blankspot villages` run (read coverage rasters, rasterise, aggregate, write GeoPackage/CSV/JSON) on the sample's 3″ GENERATED terrain grid"],
                           checkPassed: rated + skipped == 2008, checkDescription: "every one of the 2008 villages rated or skipped (got \(rated) + \(skipped))")
    }
}
