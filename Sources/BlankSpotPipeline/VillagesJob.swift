import BlankSpotCore
import BlankSpotGDAL
import Foundation

/// Everything `blankspot villages` needs to know.
public struct VillagesRequest: Sendable {
    public var coveragePath: String
    public var villagesPath: String
    public var outPath: String
    public var idField: String?
    public var nameField: String?
    public var populationField: String?
    public var regionField: String?
    public var populationRasterPath: String?
    public var rules = VillageStatusRules()
    public var blankWeight = 1.5
    public var overwrite = false
    public var commandLine: [String] = []
    /// Point-to-point confirmation of every verdict (`--confirm`), or nil.
    public var confirm: ConfirmationRequest?
    public var threads = ProcessInfo.processInfo.activeProcessorCount

    public init(coveragePath: String, villagesPath: String, outPath: String) {
        self.coveragePath = coveragePath
        self.villagesPath = villagesPath
        self.outPath = outPath
    }
}

/// `--confirm`: re-evaluate each village point to point with a terrain model.
public struct ConfirmationRequest: Sendable {
    public enum Model: String, Sendable, CaseIterable {
        case p1812, itm
    }

    public var model: Model
    /// DEMs to use; nil = those named in the coverage folder's run.json.
    public var demPaths: [String]?
    /// Populated sample points per village besides the centroid.
    public var populatedPoints = 16
    public var itm = ITMOptions()

    public init(model: Model) {
        self.model = model
    }
}

public struct VillagesSummary: Sendable {
    public var outPath: String
    public var villages: Int
    public var blank: Int
    public var partial: Int
    public var covered: Int
    public var skipped: Int
    public var peopleWithoutService: Double
    /// With `--confirm`: how the point-to-point verdicts compare with the raster's.
    public var confirmation: VillageConfirmationCounts?
}

/// `blankspot villages`: coverage folder + village polygons → per-village coverage, priority
/// list, GeoPackage and summary.
public enum VillagesJob {
    public static func run(_ request: VillagesRequest, log: (String) -> Void) throws -> VillagesSummary {
        let output = try StagedOutputFolder(destination: request.outPath, overwrite: request.overwrite)
        do {
            let summary = try write(request, coverageFolder: request.coveragePath, into: output, log: log)
            try output.commit()
            return summary
        } catch {
            output.discard()
            throw error
        }
    }

    /// Does the work, writing into `output` (which the caller commits).
    static func write(_ request: VillagesRequest, coverageFolder: String, into output: StagedOutputFolder,
                      log: (String) -> Void) throws -> VillagesSummary {
        guard request.rules.blankPercent >= 0, request.rules.blankPercent < request.rules.coveredPercent, request.rules.coveredPercent <= 100 else {
            throw UsageError("expected 0 ≤ --blank-percent < --covered-percent ≤ 100")
        }
        let coverage = try CoverageFolder(path: coverageFolder)
        let inputs = try VillageInputs(request, coverage: coverage, log: log)
        return try writeVerdicts(request, coverage: coverage, inputs: inputs, path: output.path, destination: output.destination.path, log: log).summary
    }

    /// Rates the villages of `inputs` against `coverage` and writes villages.gpkg, priority.csv,
    /// summary.json and map.png to `path(name)`; returns the summary and the rated villages.
    static func writeVerdicts(_ request: VillagesRequest, coverage: CoverageFolder, inputs: VillageInputs, path: (String) -> String,
                              destination: String, log: (String) -> Void) throws -> (summary: VillagesSummary, results: [VillageCoverage]) {
        let layer = inputs.layer, villages = inputs.villages, cells = inputs.cells
        let populationPerCell = inputs.populationPerCell, populationSource = inputs.populationSource
        let towerPositions = coverage.towers.filter { $0.used && $0.xM.isFinite && $0.yM.isFinite }.map { (xM: $0.xM, yM: $0.yM) }
        var results = VillageAggregation.aggregate(villages: villages, cells: cells, coverage: coverage.layers,
                                                   populationPerCell: populationPerCell, towers: towerPositions, rules: request.rules)
        // Villages without a cell of terrain are reported, not rated.
        var analysed: [VillageCoverage] = []
        for r in results {
            if r.cellsWithTerrain == 0 {
                // Rated again on other coverage (suggest's after/): skipped once.
                if layer.skipped.contains(where: { $0.origin == layer.records[r.village.index].origin }) { continue }
                layer.skip(r.village.index, reason: r.cells == 0 ? "outside the coverage grid" : "no terrain data under the village")
            } else {
                analysed.append(r)
            }
        }
        results = analysed
        for s in layer.skipped { log("village '\(s.id)' (\(s.origin)) skipped: \(s.reason)") }
        let confirmation = try request.confirm.map {
            try VillageConfirmation.run($0, coverage: coverage, results: results, villageCount: villages.count, cells: cells,
                                        populationPerCell: populationPerCell, rules: request.rules, threads: request.threads, log: log)
        }
        let priority = PriorityList(results, blankWeight: request.blankWeight)
        let rankByVillage = Dictionary(uniqueKeysWithValues: priority.entries.map { ($0.coverage.village.index, $0) })
        let towerID = Dictionary(uniqueKeysWithValues: coverage.towers.map { ($0.index, $0.id) })

        let table = VillageTables.attributes(results, rank: rankByVillage, towerID: towerID, records: layer.records,
                                             confirmed: confirmation?.byVillage)
        let priorityRows = priority.entries.map { e in results.firstIndex { $0.village.index == e.coverage.village.index }! }
        let priorityTable = AttributeTable(columns: table.columns, rows: priorityRows.map { table.rows[$0] })
        try GeoPackageWriter.write(path: path("villages.gpkg"), villages: layer, layers: [
            ("villages", results.map(\.village.index), table),
            ("priority", priority.entries.map(\.coverage.village.index), priorityTable),
        ])
        try VillageExports.addStyles(toGeoPackage: path("villages.gpkg"))
        try VillageExports.writeKMZ(priority, layer: layer, to: path("villages.kmz"))
        try VillageTables.priorityCSV(priority, towerID: towerID, records: layer.records, confirmed: confirmation?.byVillage).write(toFile: path("priority.csv"), atomically: false, encoding: .utf8)
        var summary = VillageTables.summary(results, skipped: layer.skipped, rules: request.rules, blankWeight: request.blankWeight,
                                            populationSource: populationSource, fields: layer.fields, coverageModel: coverage.model,
                                            towersCutAtRadius: coverage.towersCutAtRadius, confirmation: confirmation)
        summary.inputs = [RunManifest.input(role: "villages", path: request.villagesPath)]
            + (request.populationRasterPath.map { [RunManifest.input(role: "population", path: $0)] } ?? [])
        try summary.write(to: path("summary.json"))
        try writeMap(results, villageCount: villages.count, cells: cells, coverage: coverage, to: path("map.png"))
        let counts = VillagesSummary(outPath: destination, villages: results.count,
                               blank: results.filter { $0.status == .blank }.count,
                               partial: results.filter { $0.status == .partial }.count,
                               covered: results.filter { $0.status == .covered }.count,
                               skipped: layer.skipped.count, peopleWithoutService: results.reduce(0) { $0 + $1.uncoveredPopulation },
                               confirmation: confirmation.map { VillageConfirmationCounts(results, $0.byVillage) })
        return (counts, results)
    }

    /// `map.png`: the quick-look picture of the villages' statuses (StatusMapImage).
    static func writeMap(_ results: [VillageCoverage], villageCount: Int, cells: VillageCells, coverage: CoverageFolder, to path: String) throws {
        var status = [VillageStatus?](repeating: nil, count: villageCount)
        for r in results { status[r.village.index] = r.status }
        let grid = coverage.layers.grid
        let towerCells = coverage.towers.filter { $0.used && $0.xM.isFinite && $0.yM.isFinite }.map {
            (col: Int((($0.xM - grid.originXM) / grid.cellSizeM).rounded(.down)), row: Int(((grid.originYM - $0.yM) / grid.cellSizeM).rounded(.down)))
        }
        let image = StatusMapImage(grid: grid, owner: cells.owner, statusByVillage: status, classes: coverage.layers.classes, towerCells: towerCells)
        try PNGWriter.write(rgba: image.rgba, width: image.width, height: image.height, to: path)
    }
}

/// The villages of a request on a coverage folder's grid: the layer, each village's measures,
/// its cells and the people per cell.
struct VillageInputs {
    let layer: VillageLayer
    let villages: [Village]
    let cells: VillageCells
    /// People per cell from `--population`, or nil (the attribute spread evenly, or by area).
    let populationPerCell: [Float]?
    /// Where the people come from, for summary.json.
    let populationSource: String

    init(_ request: VillagesRequest, coverage: CoverageFolder, log: (String) -> Void) throws {
        layer = try VillageLayer(path: request.villagesPath, idField: request.idField, nameField: request.nameField,
                                 populationField: request.populationField, regionField: request.regionField)
        for id in layer.repaired { log("village '\(id)': invalid geometry repaired (MakeValid)") }
        let grid = coverage.layers.grid
        let measures = try layer.measure(in: coverage.crs)
        villages = layer.records.enumerated().map { i, r in
            Village(index: i, id: r.id, name: r.name, region: r.region, population: r.population, areaKm2: measures[i].areaKm2,
                    centroidXM: measures[i].centroidXM, centroidYM: measures[i].centroidYM)
        }
        cells = try layer.rasterize(onto: grid, crs: coverage.crs)
        if let raster = request.populationRasterPath {
            populationPerCell = try PopulationRaster.load(path: raster, onto: grid)
            populationSource = "raster \(raster), summed onto the analysis grid"
        } else if let field = layer.fields.population {
            populationPerCell = nil
            populationSource = "attribute '\(field)' of each village, spread evenly over its cells"
        } else {
            populationPerCell = nil
            populationSource = "none: shares are by area"
        }
    }
}
