import Foundation
import Testing
import TestSupport

/// Tiled runs (`tiles plan` → `coverage --plan --tile K` per task → `mosaic`) give the very
/// bytes of a single `run` on the Bungo sample (real terrain and land cover, the automatic
/// reach with a 10 km cap so that the ladder and its proof are exercised), whatever the
/// tiling and the order the tasks run in. Only run.json differs (command, timings).
@Suite(.serialized) struct TiledRunTests {
    static let data = ExternalTool.dataFolder + "/bungo/"
    static let runOptions = [
        "--dem", data + "bungo_elev_srtm.tif", "--towers", data + "GENERATED-bungo-towers.csv",
        "--villages", data + "bungo_desa_kelurahan_estimated_population.geojson",
        "--landcover", data + "bungo_landcover_2010r.tif", "--landcover-table", data + "bungo_landcover_table.csv",
        "--max-reach-km", "10",
    ]
    static let directory = TemporaryDirectory("blankspot-tiled-tests")
    static let lock = NSLock()
    nonisolated(unsafe) static var singleRuns: [String: String] = [:]

    /// The single run with `extra` options, made once per option set.
    static func single(_ extra: [String] = []) throws -> String {
        try lock.withLock {
            let key = extra.joined(separator: " ")
            if let out = singleRuns[key] { return out }
            let out = directory.file("single-\(singleRuns.count)")
            let r = try ExternalTool.run(ExternalTool.blankspot, ["run"] + runOptions + extra + ["--out", out])
            guard r.status == 0 else { throw TestFailure("single run failed: \(r.stderr)") }
            singleRuns[key] = out
            return out
        }
    }

    struct TestFailure: Error, CustomStringConvertible {
        var description: String
        init(_ d: String) { description = d }
    }

    static func plan(_ name: String, tileKm: String, extra: [String] = []) throws -> (folder: String, tasks: Int) {
        let folder = directory.file(name)
        let r = try ExternalTool.run(ExternalTool.blankspot, ["tiles", "plan"] + runOptions + extra + ["--tile-km", tileKm, "--out", folder])
        guard r.status == 0, let tasks = Int(r.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw TestFailure("plan failed (\(r.status)): \(r.stderr)")
        }
        return (folder, tasks)
    }

    static func task(_ plan: String, _ k: Int, threads: Int? = nil) throws -> ProcessResult {
        try ExternalTool.run(ExternalTool.blankspot, ["coverage", "--plan", plan, "--tile", String(k)] + (threads.map { ["--threads", String($0)] } ?? []))
    }

    /// Every file of the single run but run.json, byte for byte.
    static func expectSameOutputs(_ single: String, _ tiled: String, _ label: String) throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: single).filter { $0 != "run.json" }.sorted()
        #expect(files.count >= 13, "\(files)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: tiled).sorted() == (files + ["run.json"]).sorted(), "\(label)")
        for f in files {
            let a = try Data(contentsOf: URL(fileURLWithPath: single + "/" + f)), b = try Data(contentsOf: URL(fileURLWithPath: tiled + "/" + f))
            #expect(a == b, "\(label): \(f) differs from the single run's")
        }
        let counts = { (p: String) in
            (try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: p + "/run.json"))) as! [String: Any])["counts"] as! [String: Int]
        }
        #expect(try counts(single) == counts(tiled), "\(label): run.json counts")
    }

    /// 2×2 (tasks in reverse order, one task run twice), 3×2 with uneven edge tiles (a fixed
    /// shuffle, one thread per task), one tile: all equal the single run.
    @Test(arguments: [("60", "reverse"), ("40", "shuffled"), ("200", "forward")])
    func tilingsEqualTheSingleRun(tileKm: String, order: String) throws {
        let single = try Self.single()
        let (plan, tasks) = try Self.plan("plan-\(tileKm)", tileKm: tileKm)
        // Planned again: the same bytes (plan.json, the prepared terrain and classes).
        let (again, _) = try Self.plan("plan-\(tileKm)-again", tileKm: tileKm)
        for f in ["plan.json", "terrain.tif", "landcover_class.tif"] {
            #expect(try Data(contentsOf: URL(fileURLWithPath: plan + "/" + f)) == Data(contentsOf: URL(fileURLWithPath: again + "/" + f)), "\(f)")
        }
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: plan + "/plan.json"))) as! [String: Any]
        let tiles = json["tiles"] as! [[String: Any]]
        #expect(tiles.count == tasks)
        let lattice = Set(tiles.map { "\($0["lattice_col"]!),\($0["lattice_row"]!)" })
        switch tileKm {
        case "60": #expect(lattice.count > 2 && tiles.allSatisfy { ($0["lattice_col"] as! Int) < 2 && ($0["lattice_row"] as! Int) < 2 })
        case "40":
            // Tiles of 401 cells on a 994 × 811 grid: the third column 192 cells wide, the second row 410 high.
            #expect(Set(tiles.map { $0["lattice_col"] as! Int }) == [0, 1, 2] && Set(tiles.map { $0["lattice_row"] as! Int }) == [0, 1])
            #expect(tiles.contains { ($0["tile"] as! [String: Int])["width"]! < (json["tile_cells"] as! Int) })
        default: #expect(tasks == 1)
        }
        // Every tower in exactly one tile.
        let towers = tiles.flatMap { $0["tower_indices"] as! [Int] }.sorted()
        #expect(towers == Array(0..<17))
        var order_ = Array(0..<tasks)
        switch order {
        case "reverse": order_.reverse(); order_.append(order_[0])
        case "shuffled": order_ = order_.enumerated().sorted { ($0.offset * 7) % tasks < ($1.offset * 7) % tasks }.map(\.element)
        default: break
        }
        for k in order_ {
            let r = try Self.task(plan, k, threads: order == "shuffled" ? 1 : nil)
            #expect(r.status == 0, "task \(k): \(r.stderr)")
        }
        let status = try ExternalTool.run(ExternalTool.blankspot, ["tiles", "status", "--plan", plan])
        #expect(status.status == 0 && status.stdout.contains("done \(tasks)"), "\(status.stdout)")
        let out = Self.directory.file("tiled-\(tileKm)")
        let m = try ExternalTool.run(ExternalTool.blankspot, ["mosaic", "--plan", plan + "/plan.json", "--out", out])
        #expect(m.status == 0, "\(m.stderr)")
        try Self.expectSameOutputs(single, out, "tiles of \(tileKm) km, \(order)")
    }

    /// Line of sight merges by the nearest tower, not by value: a 2×2 tiling of it too.
    @Test func lineOfSightTilingEqualsTheSingleRun() throws {
        let extra = ["--model", "los", "--radius-km", "8"]
        let single = try Self.single(extra)
        let (plan, tasks) = try Self.plan("plan-los", tileKm: "60", extra: extra)
        for k in 0..<tasks { #expect(try Self.task(plan, k).status == 0) }
        let out = Self.directory.file("tiled-los")
        let m = try ExternalTool.run(ExternalTool.blankspot, ["mosaic", "--plan", plan, "--out", out])
        #expect(m.status == 0, "\(m.stderr)")
        try Self.expectSameOutputs(single, out, "line of sight")
    }

    /// A task that fails (its result folder is blocked by a file) leaves the mosaic refusing,
    /// with nothing written; `tiles status` names the tile and prints it for resubmission; run
    /// again alone, it completes the run, identical to the single run.
    @Test func failedTileIsNamedAndARerunCompletesTheRun() throws {
        let single = try Self.single()
        let (plan, tasks) = try Self.plan("plan-failure", tileKm: "60")
        let blocker = plan + "/tiles/tile-00001"
        try "not a tile".write(toFile: blocker, atomically: true, encoding: .utf8)
        for k in 0..<tasks {
            let r = try Self.task(plan, k)
            if k == 1 {
                #expect(r.status == 1 && r.stderr.contains("tile-00001"), "\(r.stderr)")
            } else {
                #expect(r.status == 0, "\(r.stderr)")
            }
        }
        let status = try ExternalTool.run(ExternalTool.blankspot, ["tiles", "status", "--plan", plan])
        #expect(status.status == 1 && status.stdout.contains("tile 1: failed") && status.stdout.contains("--array=1"), "\(status.stdout)")
        let indices = try ExternalTool.run(ExternalTool.blankspot, ["tiles", "status", "--plan", plan, "--indices"])
        #expect(indices.stdout == "1\n")
        let out = Self.directory.file("tiled-failure")
        let refused = try ExternalTool.run(ExternalTool.blankspot, ["mosaic", "--plan", plan, "--out", out])
        #expect(refused.status == 1 && refused.stderr.contains("1 of \(tasks) tiles are not done") && refused.stderr.contains("1 (failed"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
        try FileManager.default.removeItem(atPath: blocker)
        let rerun = try ExternalTool.run(ExternalTool.blankspot, ["coverage", "--plan", plan, "--tile-from-env"], environment: ["SLURM_ARRAY_TASK_ID": "1"])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(!FileManager.default.fileExists(atPath: plan + "/tiles/tile-00001.failed"))
        let m = try ExternalTool.run(ExternalTool.blankspot, ["mosaic", "--plan", plan, "--out", out])
        #expect(m.status == 0, "\(m.stderr)")
        try Self.expectSameOutputs(single, out, "after the rerun")
    }

    /// The task index from each engine's variable; usage errors (64) for a bad index; an input
    /// changed since the plan stops the mosaic (1), naming the file.
    @Test func taskIndicesAndChangedInputs() throws {
        let dir = TemporaryDirectory()
        let towers = dir.file("towers.csv")
        try FileManager.default.copyItem(atPath: Self.data + "GENERATED-bungo-towers.csv", toPath: towers)
        var options = Self.runOptions
        options[options.firstIndex(of: "--towers")! + 1] = towers
        let plan = dir.file("plan")
        let p = try ExternalTool.run(ExternalTool.blankspot, ["tiles", "plan"] + options + ["--model", "hata", "--radius-km", "5", "--tile-km", "60", "--out", plan])
        #expect(p.status == 0, "\(p.stderr)")
        let tasks = Int(p.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        #expect(tasks >= 2)
        for (name, k) in [("JOB_COMPLETION_INDEX", 0), ("AWS_BATCH_JOB_ARRAY_INDEX", 1)] {
            let r = try ExternalTool.run(ExternalTool.blankspot, ["coverage", "--plan", plan, "--tile-from-env"], environment: [name: String(k)])
            #expect(r.status == 0 && r.stderr.contains("tile \(k) of \(tasks)"), "\(name): \(r.stderr)")
        }
        #expect(try ExternalTool.run(ExternalTool.blankspot, ["coverage", "--plan", plan, "--tile", String(tasks)]).status == 64)
        #expect(try ExternalTool.run(ExternalTool.blankspot, ["coverage", "--plan", plan]).status == 64)
        #expect(try ExternalTool.run(ExternalTool.blankspot, ["coverage", "--plan", plan, "--tile", "0", "--out", dir.file("x")]).status == 64)
        let noPlan = try ExternalTool.run(ExternalTool.blankspot, ["coverage", "--plan", dir.file("nothing"), "--tile", "0"])
        #expect(noPlan.status == 1 && noPlan.stderr.contains("plan.json"), "\(noPlan.stderr)")
        for k in 2..<tasks { #expect(try Self.task(plan, k).status == 0) }
        try (String(contentsOfFile: towers, encoding: .utf8) + "\n").write(toFile: towers, atomically: true, encoding: .utf8)
        let m = try ExternalTool.run(ExternalTool.blankspot, ["mosaic", "--plan", plan, "--out", dir.file("out")])
        #expect(m.status == 1 && m.stderr.contains("towers.csv") && m.stderr.contains("changed since the plan"), "\(m.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.file("out")))
    }
}
