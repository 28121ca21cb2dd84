import BlankSpotCore
import BlankSpotPipeline
import Foundation

/// A sample as a tiled run (`tiles plan`, the tasks on two worker processes of one thread each,
/// as `xargs -P 2` or GNU parallel would run them, then `mosaic`) against `run` in one process
/// with 1 and with 2 threads. Reports the speed-up, the overhead of a task besides its sweep
/// (process start, reading its window, writing its partial grids), and the costs per tower
/// and per km² that the whole-country estimate uses. Checks that the outputs are the single
/// run's, byte for byte (run.json aside).
enum TilingBenchmarks {
    static func options(sample: String) throws -> [String] {
        let data = Paths.root.appendingPathComponent("data/\(sample)").path + "/"
        switch sample {
        case "bungo":
            return ["--dem", data + BungoSample.demFileName, "--towers", data + BungoSample.towersFileName,
                    "--villages", data + BungoSample.villagesFileName, "--population-field", "penduduk_estimasi",
                    "--landcover", data + BungoSample.landCoverFileName, "--landcover-table", data + BungoSample.landCoverTableFileName]
        default:
            let terrain = data + "generated/" + KalselSample.terrainFileName
            guard FileManager.default.fileExists(atPath: terrain) else {
                throw BenchError("\(terrain) is missing: run `blankspot demo` once to generate the sample's terrain")
            }
            return ["--dem", terrain, "--towers", data + KalselSample.towersFileName,
                    "--villages", data + KalselSample.villagesFileName, "--population-field", "penduduk_estimasi",
                    "--landcover", data + "generated/" + KalselSample.landCoverFileName, "--landcover-table", data + KalselSample.landCoverTableFileName]
        }
    }

    static func run(sample: String, tileKm: Double, singleThreadRun: Bool, mode: BenchMode) throws -> BenchResult {
        let options = try options(sample: sample)
        let work = Paths.work.appendingPathComponent("tiles-\(sample)").path
        try? FileManager.default.removeItem(atPath: work)
        try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
        func blankspot(_ args: [String]) throws -> Shell.Outcome {
            let r = try Shell.run(Paths.blankspot, args)
            guard r.status == 0 else { throw BenchError("blankspot \(args.prefix(2).joined(separator: " ")) failed: \(r.output)") }
            return r
        }
        let single2 = try blankspot(["run"] + options + ["--threads", "2", "--out", work + "/single"])
        let single1 = singleThreadRun ? try blankspot(["run"] + options + ["--threads", "1", "--out", work + "/single-1"]) : nil
        let plan = try blankspot(["tiles", "plan"] + options + ["--tile-km", String(tileKm), "--out", work + "/plan"])
        let (planJSON, _) = try TilePlan.read(folder: work + "/plan")
        let tasks = planJSON.tiles.count
        // Two workers, each taking the next task when its last one ends.
        let next = NSLock()
        nonisolated(unsafe) var cursor = 0
        nonisolated(unsafe) var taskWallS = [Double](repeating: 0, count: tasks)
        nonisolated(unsafe) var failure: String?
        let t0 = ContinuousClock.now
        DispatchQueue.concurrentPerform(iterations: 2) { _ in
            while true {
                let k: Int? = next.withLock { cursor < tasks ? { cursor += 1; return cursor - 1 }() : nil }
                guard let k else { return }
                do {
                    let r = try Shell.run(Paths.blankspot, ["coverage", "--plan", work + "/plan", "--tile", String(k), "--threads", "1"])
                    next.withLock {
                        taskWallS[k] = r.seconds
                        if r.status != 0 { failure = "task \(k): \(r.output)" }
                    }
                } catch {
                    next.withLock { failure = "task \(k): \(error)" }
                }
            }
        }
        let tasksWallS = Timing.seconds(ContinuousClock.now - t0)
        if let failure { throw BenchError(failure) }
        let mosaic = try blankspot(["mosaic", "--plan", work + "/plan", "--out", work + "/tiled", "--threads", "2"])
        // The tasks' own records: sweep, read and write seconds.
        var sweepS = 0.0, readS: [Double] = [], writeS: [Double] = [], overheadS: [Double] = []
        let tilesFolder = work + "/plan/" + TilePlan.tilesFolderName + "/"
        for k in 0..<tasks {
            let data = try Data(contentsOf: URL(fileURLWithPath: tilesFolder + TilePlan.tileFolderName(k) + "/" + TileRecord.fileName))
            let record = try OutputJSON.decoder().decode(TileRecord.self, from: data)
            sweepS += record.sweepS
            readS.append(record.readS)
            writeS.append(record.writeS)
            overheadS.append(taskWallS[k] - record.sweepS)
        }
        // Byte for byte, every output but run.json.
        let files = try FileManager.default.contentsOfDirectory(atPath: work + "/single").filter { $0 != "run.json" }.sorted()
        let differing = try files.filter {
            try Data(contentsOf: URL(fileURLWithPath: work + "/single/" + $0)) != Data(contentsOf: URL(fileURLWithPath: work + "/tiled/" + $0))
        }
        let tiledS = plan.seconds + tasksWallS + mosaic.seconds
        let grid = planJSON.grid
        let areaKm2 = Double(grid.cellCount) * grid.cellSizeM * grid.cellSizeM / 1e6
        let towers = Double(planJSON.sites.count)
        var figures: [String: Double] = [
            "single_2_threads_s": single2.seconds, "plan_s": plan.seconds, "tasks_wall_s": tasksWallS, "mosaic_s": mosaic.seconds,
            "tiled_total_s": tiledS, "tasks": Double(tasks), "towers": towers, "grid_cells": Double(grid.cellCount), "grid_area_km2": areaKm2,
            "sweep_task_s_sum": sweepS, "sweep_s_per_tower_1_thread": sweepS / towers,
            "task_overhead_s_mean": overheadS.reduce(0, +) / Double(tasks), "task_overhead_s_max": overheadS.max() ?? 0,
            "task_read_s_mean": readS.reduce(0, +) / Double(tasks), "task_write_s_mean": writeS.reduce(0, +) / Double(tasks),
            "window_cells_mean": Double(planJSON.tiles.map(\.window.cellCount).reduce(0, +)) / Double(tasks),
            "plan_s_per_km2": plan.seconds / areaKm2, "mosaic_s_per_km2": mosaic.seconds / areaKm2,
            "speedup_vs_1_process_2_threads": single2.seconds / tiledS,
            "files_compared": Double(files.count), "files_differing": Double(differing.count),
        ]
        if let single1 {
            figures["single_1_thread_s"] = single1.seconds
            figures["speedup_vs_1_process_1_thread"] = single1.seconds / tiledS
        }
        return BenchResult(
            name: "tiles-\(sample)", medianS: tiledS, runsS: [tiledS, single2.seconds] + (single1.map { [$0.seconds] } ?? []), cellsPerS: nil,
            figures: figures,
            notes: ["`tiles plan --tile-km \(CSVWriter.number(tileKm))` (\(tasks) tasks), the tasks on 2 worker processes of 1 thread, `mosaic`; against `run` with the same options (the demo's)",
                    "speed-up against one process with 2 threads: \(String(format: "%.2f", single2.seconds / tiledS))"
                        + (single1.map { "; with 1 thread: " + String(format: "%.2f", $0.seconds / tiledS) } ?? ""),
                    "a task's time besides its sweep (start, reading its window, writing): mean \(String(format: "%.2f", overheadS.reduce(0, +) / Double(tasks))) s"],
            checkPassed: differing.isEmpty,
            checkDescription: "the tiled run's \(files.count) outputs (run.json aside) equal the single run's byte for byte: \(differing.isEmpty ? "all" : "not " + differing.joined(separator: ", "))")
    }
}
