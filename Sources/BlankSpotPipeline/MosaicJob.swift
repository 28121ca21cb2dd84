import BlankSpotCore
import BlankSpotGDAL
import Foundation

/// `blankspot mosaic`: checks that every task of a plan is done and belongs to it, merges the
/// tasks' partial grids (``CoverageMosaic``) and writes what `run` writes: the rasters and
/// their styles, towers.csv, run.json, the village tables and the report, into a folder that
/// appears only when complete.
public enum MosaicJob {
    /// - Parameters:
    ///   - coverage: the plan's coverage options parsed again, with this command's `--out`.
    ///   - villages: the plan's village options parsed again.
    public static func run(planFolder: String, coverage: CoverageRequest, villages: VillagesRequest, log: (String) -> Void,
                           progress: ProgressReporter?) throws -> (CoverageSummary, VillagesSummary) {
        let (plan, _) = try TilePlan.read(folder: planFolder)
        let status = try TileStatus.scan(planFolder: planFolder)
        let notDone = status.entries.filter { $0.state != .done }
        guard notDone.isEmpty else {
            let shown = notDone.prefix(10).map { "\($0.index) (\($0.state.rawValue)\($0.detail.isEmpty ? "" : ": " + $0.detail))" }
            throw InputError(file: (planFolder as NSString).appendingPathComponent(TilePlan.tilesFolderName),
                             message: "\(notDone.count) of \(plan.tiles.count) tiles are not done: \(shown.joined(separator: "; "))\(notDone.count > 10 ? "; …" : ""); run them (again), e.g. tasks \(TileStatus.arraySpec(notDone.map(\.index))), then the mosaic")
        }
        let output = try StagedOutputFolder(destination: coverage.outPath, overwrite: coverage.overwrite)
        do {
            let started = utcTimestamp()
            let clock = ContinuousClock()
            try checkInputs(plan, log: log)
            progress?.stage("merging \(plan.tiles.count) tiles")
            let t0 = clock.now
            let heights = try GridFile.read((planFolder as NSString).appendingPathComponent(TilePlan.terrainFileName), as: Float.self)
            let terrain = TerrainRaster(grid: plan.grid, heightsM: heights)
            let scenario = Scenario(towers: plan.sites.map(\.tower), sites: plan.sites, skipped: plan.skipped.map { ($0.tower, $0.reason) },
                                    rejected: plan.rejected, terrain: terrain, terrainReport: plan.terrain, crsLabel: plan.crsLabel)
            let (grids, taskTimings) = try merge(plan: plan, planFolder: planFolder, lineOfSight: coverage.model == .los, threads: coverage.threads)
            var timings = taskTimings
            let d = clock.now - t0
            timings["mosaic"] = Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
            let c = try CoverageJob.finish(coverage, scenario: scenario, grids: grids, into: output, log: log, progress: progress,
                                           started: started, timings: timings, inputs: { plan.inputs })
            progress?.stage("aggregating villages")
            var v = try VillagesJob.write(villages, coverageFolder: output.staging.path, into: output, log: log)
            progress?.stage("writing the report")
            try ReportJob.write(stagedFolder: output.staging.path, log: log)
            progress?.done()
            try output.commit()
            v.outPath = output.destination.path
            var summary = c
            summary.outPath = output.destination.path
            return (summary, v)
        } catch {
            output.discard()
            throw error
        }
    }

    /// The tasks' partial grids merged into the run's grids; the tasks' read and sweep
    /// seconds, summed (task-seconds, not elapsed time).
    static func merge(plan: TilePlan, planFolder: String, lineOfSight: Bool, threads: Int) throws -> (CoverageGrids, [String: Double]) {
        let mosaic = CoverageMosaic(grid: plan.grid, lineOfSight: lineOfSight, towerCells: plan.sites.map { ($0.col, $0.row) }, threads: threads)
        var servedExtentM = [Double](repeating: -1, count: plan.sites.count)
        var reach = [TowerReach](repeating: TowerReach(evaluatedM: 0, basis: .fixed), count: plan.sites.count)
        var readS = 0.0, sweepS = 0.0
        let tiles = (planFolder as NSString).appendingPathComponent(TilePlan.tilesFolderName) as NSString
        for t in plan.tiles {
            let folder = tiles.appendingPathComponent(TilePlan.tileFolderName(t.index)) as NSString
            let record = try TileRecord.read(folder: folder as String)
            for r in record.towers {
                servedExtentM[r.index] = r.servedToM
                reach[r.index] = r.reach
            }
            readS += record.readS
            sweepS += record.sweepS
            guard let window = record.partialWindow else { continue }
            let file = { (name: String) in folder.appendingPathComponent(name) }
            let bestValue = lineOfSight ? nil : try GridFile.read(file(TileRecord.bestValueFileName), as: Float.self)
            let bestTower = try GridFile.read(file(TileRecord.bestTowerFileName), as: Int32.self)
            let serverCount = try GridFile.read(file(TileRecord.serverCountFileName), as: UInt16.self)
            guard bestTower.count == window.cellCount, serverCount.count == window.cellCount, (bestValue?.count ?? window.cellCount) == window.cellCount,
                  window.col0 >= 0, window.row0 >= 0, window.colEnd <= plan.grid.width, window.rowEnd <= plan.grid.height else {
                throw InputError(file: folder as String, message: "its grids do not match its tile.json's partial_window; run the tile again")
            }
            mosaic.add(PartialCoverage(window: window, bestValue: bestValue, bestTower: bestTower, serverCount: serverCount))
        }
        return (mosaic.grids(servedExtentM: servedExtentM, reach: reach), ["read_tasks": readS, "sweep_tasks": sweepS])
    }

    /// Refuses inputs that changed since the plan (size or SHA-256).
    static func checkInputs(_ plan: TilePlan, log: (String) -> Void) throws {
        let cwd = URL(fileURLWithPath: plan.workingDirectory, isDirectory: true)
        for input in plan.inputs {
            let path = input.path.hasPrefix("/") ? input.path : cwd.appendingPathComponent(input.path).path
            let now = RunManifest.input(role: input.role, path: path)
            guard now.bytes == input.bytes, now.sha256 == input.sha256 else {
                throw InputError(file: input.path, message: "changed since the plan was made (SHA-256 \(input.sha256?.prefix(12) ?? "none")… then, \(now.sha256?.prefix(12) ?? "unreadable")… now); plan again")
            }
        }
    }
}
