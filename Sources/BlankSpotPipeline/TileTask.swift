import BlankSpotCore
import BlankSpotGDAL
import Foundation

/// `blankspot coverage --plan DIR --tile K`: one task of a tiled run. Reads the task's window
/// of the prepared terrain (and land-cover classes), sweeps the towers of its tile exactly as a
/// single run sweeps them, and writes the cells they reached into `tiles/tile-K/` of the plan
/// folder, which appears only when complete (a rerun replaces it).
public enum TileTask {
    public struct Summary: Sendable {
        public var index: Int
        public var towers: Int
        public var windowCells: Int
        public var outPath: String
        public var record: TileRecord
    }

    /// - Parameters:
    ///   - request: the plan's coverage options, parsed again (``TilePlan/runArguments``).
    ///   - threads: this task's threads.
    public static func run(planFolder: String, index: Int, request: CoverageRequest, log: (String) -> Void) throws -> Summary {
        let (plan, planSha) = try TilePlan.read(folder: planFolder)
        guard plan.tiles.indices.contains(index) else {
            throw UsageError("--tile \(index): the plan has tasks 0–\(plan.tiles.count - 1)")
        }
        let tilesFolder = (planFolder as NSString).appendingPathComponent(TilePlan.tilesFolderName)
        let failedPath = (tilesFolder as NSString).appendingPathComponent(TilePlan.tileFolderName(index) + ".failed")
        do {
            let summary = try compute(plan: plan, planSha: planSha, planFolder: planFolder, index: index, request: request, log: log)
            try? FileManager.default.removeItem(atPath: failedPath)
            return summary
        } catch {
            // For `tiles status`: what went wrong, where the scheduler's log may not be at hand.
            try? "\(utcTimestamp()) on \(ProcessInfo.processInfo.hostName): \(error)\n".write(toFile: failedPath, atomically: true, encoding: .utf8)
            throw error
        }
    }

    static func compute(plan: TilePlan, planSha: String, planFolder: String, index: Int, request: CoverageRequest,
                        log: (String) -> Void) throws -> Summary {
        let clock = ContinuousClock()
        func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }
        let tile = plan.tiles[index]
        let destination = ((planFolder as NSString).appendingPathComponent(TilePlan.tilesFolderName) as NSString)
            .appendingPathComponent(TilePlan.tileFolderName(index))
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: destination, isDirectory: &isFolder), !isFolder.boolValue {
            throw OutputError("\(destination) is a file, where this task's results go; expected no file there (remove it and run the task again)")
        }
        let output = try StagedOutputFolder(destination: destination, overwrite: true)
        do {
            var t0 = clock.now
            let terrain = try windowTerrain(plan: plan, planFolder: planFolder, window: tile.window, request: request)
            let sites = tile.towerIndices.map { i -> GridSite in
                var s = plan.sites[i]
                s.col -= tile.window.col0
                s.row -= tile.window.row0
                return s
            }
            let readS = seconds(clock.now - t0)
            t0 = clock.now
            let grids = TileSweep.sweep(terrain: terrain, sites: sites, request: request)
            let sweepS = seconds(clock.now - t0)
            t0 = clock.now
            let partial = grids.cropped(placedAtCol: tile.window.col0, row: tile.window.row0)
            if let partial {
                let g = partial.window.grid(within: plan.grid)
                if let values = partial.bestValue {
                    try GridFile.write(values, grid: g, to: output.path(TileRecord.bestValueFileName), threads: request.threads)
                }
                try GridFile.write(partial.bestTower, grid: g, to: output.path(TileRecord.bestTowerFileName), threads: request.threads)
                try GridFile.write(partial.serverCount, grid: g, to: output.path(TileRecord.serverCountFileName), threads: request.threads)
            }
            var record = TileRecord(
                planSha256: planSha, index: index, towerIndices: tile.towerIndices,
                towers: zip(tile.towerIndices, zip(grids.servedExtentM, grids.reach)).map { .init(index: $0.0, servedToM: $0.1.0, reach: $0.1.1) },
                partialWindow: partial?.window, host: ProcessInfo.processInfo.hostName, threads: request.threads,
                readS: readS, sweepS: sweepS, writeS: 0)
            record.writeS = seconds(clock.now - t0)
            try OutputJSON.encoder().encode(record).write(to: URL(fileURLWithPath: output.path(TileRecord.fileName)))
            try output.commit()
            return Summary(index: index, towers: sites.count, windowCells: tile.window.cellCount, outPath: destination, record: record)
        } catch {
            output.discard()
            throw error
        }
    }

    /// The terrain of `window`, with the clutter the model reads, from the plan's prepared
    /// rasters: the very heights and classes of a single run's grid there.
    static func windowTerrain(plan: TilePlan, planFolder: String, window: CellWindow, request: CoverageRequest) throws -> TerrainRaster {
        let folder = planFolder as NSString
        let heights = try GridFile.read(folder.appendingPathComponent(TilePlan.terrainFileName), as: Float.self, window: window)
        let terrain = TerrainRaster(grid: window.grid(within: plan.grid), heightsM: heights)
        switch CoverageJob.modelClutter(request) {
        case .none:
            return terrain
        case .uniform(let u):
            return terrain.withLandCover(CellLandCover(uniform: u.landCoverClass))
        case .landCover(_, let table, let name):
            guard plan.hasLandCoverClasses, let classes = CellLandCover.tableOrder(table) else {
                throw InputError(file: folder.appendingPathComponent(TilePlan.fileName),
                                 message: "has no land-cover classes for table \(name); plan again with the same options")
            }
            let indices = try GridFile.read(folder.appendingPathComponent(TilePlan.landCoverFileName), as: UInt8.self, window: window)
            return terrain.withLandCover(CellLandCover(classes: classes, classIndexOfCell: indices))
        }
    }
}
