import BlankSpotCore
import BlankSpotGDAL
import Foundation

/// What `blankspot tiles plan` was asked.
public struct TilePlanRequest: Sendable {
    public var coverage: CoverageRequest
    /// The `run` options to record (without `--out`, `--overwrite` and the tiling options).
    public var runArguments: [String]
    public var tileKm: Double
    public var planPath: String
    public var overwrite: Bool

    public init(coverage: CoverageRequest, runArguments: [String], tileKm: Double, planPath: String, overwrite: Bool) {
        self.coverage = coverage
        self.runArguments = runArguments
        self.tileKm = tileKm
        self.planPath = planPath
        self.overwrite = overwrite
    }
}

/// `blankspot tiles plan`: reads the inputs as a single run does, prepares the terrain (and
/// land-cover classes) on the analysis grid, splits the grid into tiles and writes plan.json,
/// into a folder that appears only when complete.
public enum TilePlanJob {
    /// The most array tasks Slurm accepts by default (MaxArraySize 1001: indices 0–1000).
    public static let slurmDefaultMaxTasks = 1001

    public static func run(_ request: TilePlanRequest, log: (String) -> Void) throws -> TilePlan {
        let coverage = request.coverage
        try coverage.settings.validate()
        guard request.tileKm.isFinite, request.tileKm > 0 else { throw UsageError("--tile-km must be greater than 0, got \(request.tileKm)") }
        if case .landCover(_, let table, let name) = CoverageJob.modelClutter(coverage), CellLandCover.tableOrder(table) == nil {
            throw InputError(file: name, message: "has \(table.classes.count) classes; a tiled run needs at most 255 (merge classes)")
        }
        let output = try StagedOutputFolder(destination: request.planPath, overwrite: request.overwrite)
        let hasher = BackgroundInputHasher(CoverageJob.hashedInputs(coverage))
        defer { hasher.cancelAndWait() }
        do {
            let scenario = try CoverageJob.loadScenario(coverage, log: log)
            let grid = scenario.terrain.grid
            try GridFile.write(scenario.terrain.heightsM, grid: grid, to: output.path(TilePlan.terrainFileName), threads: coverage.threads)
            var hasClasses = false
            if case .landCover = CoverageJob.modelClutter(coverage), let cover = scenario.terrain.landCover, let classes = cover.classIndexOfCell {
                try GridFile.write(classes, grid: grid, to: output.path(TilePlan.landCoverFileName), threads: coverage.threads)
                hasClasses = true
            }
            let cellM = grid.cellSizeM
            let tileCells = max(1, Int((request.tileKm * 1000 / cellM).rounded(.up)))
            let disc = Int((coverage.settings.outermostRadiusM / cellM).rounded(.up)) + 2
            let align = TerrainAheadBlocks.defaultBlockCells
            // The single run's grid margin (500 m) and three terrain-ahead blocks beyond it.
            let margin = Int((500 / cellM).rounded(.up)) + 3 * align
            let tiles = TileLattice.plan(gridWidth: grid.width, gridHeight: grid.height, tileCells: tileCells,
                                         sites: scenario.sites.map { ($0.index, $0.col, $0.row) },
                                         discRadiusCells: disc, marginCells: margin, alignCells: align)
            let plan = TilePlan(
                runArguments: request.runArguments, workingDirectory: FileManager.default.currentDirectoryPath,
                inputs: hasher.inputs, grid: grid, crsLabel: scenario.crsLabel,
                terrain: scenario.terrainReport, hasLandCoverClasses: hasClasses, tileKm: request.tileKm, tileCells: tileCells,
                discRadiusCells: disc, marginCells: margin, alignCells: align, sites: scenario.sites,
                skipped: scenario.skipped.map { .init(tower: $0.tower, reason: $0.reason) }, rejected: scenario.rejected, tiles: tiles)
            try plan.data().write(to: URL(fileURLWithPath: output.path(TilePlan.fileName)))
            try FileManager.default.createDirectory(atPath: output.path(TilePlan.tilesFolderName), withIntermediateDirectories: false)
            if tiles.count > slurmDefaultMaxTasks {
                log("\(tiles.count) tasks exceed Slurm's default array limit (\(slurmDefaultMaxTasks)); give a larger --tile-km, or run several tiles per array task (TILES_PER_TASK in tools/slurm/tiles.sbatch)")
            }
            try output.commit()
            return plan
        } catch {
            output.discard()
            throw error
        }
    }
}
