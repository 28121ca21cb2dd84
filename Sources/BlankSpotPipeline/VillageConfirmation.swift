import BlankSpotCore
import BlankSpotGDAL
import Foundation

/// `blankspot villages --confirm`: loads the coverage's terrain and towers, picks each village's
/// sample points and confirms its verdict point to point (``VillageConfirmer``).
enum VillageConfirmation {
    struct Result {
        /// "p1812" or "itm".
        var model: String
        /// The model and its parameters, for summary.json.
        var description: String
        var radiusKm: Double
        var populatedPoints: Int
        /// Confirmed verdict by village index.
        var byVillage: [Int: ConfirmedVillage]
        var seconds: Double
    }

    static func run(_ request: ConfirmationRequest, coverage: CoverageFolder, results: [VillageCoverage], villageCount: Int,
                    cells: VillageCells, populationPerCell: [Float]?, rules: VillageStatusRules, threads: Int,
                    log: (String) -> Void) throws -> Result {
        let started = Date()
        if let clutter = coverage.parameters["clutter"], !clutter.hasPrefix("none") {
            log("--confirm evaluates its sample points over bare terrain, while the coverage run had clutter (\(clutter)): the two verdicts differ where clutter decides")
        }
        let demPaths = request.demPaths ?? coverage.demPaths
        guard !demPaths.isEmpty else {
            throw UsageError("--confirm needs the terrain: give --dem (\(coverage.path)/run.json names no DEM)")
        }
        if request.demPaths == nil {
            for p in demPaths where !FileManager.default.fileExists(atPath: p) {
                throw InputError(file: p, message: "is the coverage run's DEM (run.json) but cannot be found from here; give --dem")
            }
        }
        let grid = coverage.layers.grid
        let terrain = try TerrainLoader.load(demPaths: demPaths, onto: grid, threads: threads)
        let sites = try coverage.confirmationSites(terrain: terrain)
        let parameters = coverage.parameters
        func number(_ key: String, _ fallback: Double) -> Double { parameters[key].flatMap(Double.init) ?? fallback }
        let radiusM = number("radius_m", 30_000)
        let rxHeightM = number("rx_height_m", 1.5)
        let defaults = SignalOptions()
        let polarization: Polarization = parameters["polarization"] == "horizontal" ? .horizontal : .vertical
        let model: ConfirmationModel
        let description: String
        switch request.model {
        case .p1812:
            let settings = P1812AreaSettings(frequencyGHz: 1, timePercent: number("time_percent", defaults.timePercent),
                                             locationPercent: number("location_percent", defaults.locationPercent), rxHeightM: rxHeightM,
                                             polarization: polarization, deltaN: number("delta_n", defaults.deltaN), n0: number("n0", defaults.n0))
            model = .p1812(settings)
            description = "ITU-R P.1812-8 point to point: p \(CSVWriter.number(settings.timePercent)) % time, pL \(CSVWriter.number(settings.locationPercent)) % locations, ΔN \(CSVWriter.number(settings.deltaN)), N0 \(CSVWriter.number(settings.n0))"
        case .itm:
            var options = SignalOptions()
            options.itm = request.itm
            options.n0 = number("n0", defaults.n0)
            options.timePercent = number("time_percent", defaults.timePercent)
            options.polarization = polarization
            model = .itm(options.itmCoverage)
            description = "ITM 1.2.2 point to point: \(request.itm.label), time \(CSVWriter.number(options.timePercent)) %, N0 \(CSVWriter.number(options.n0))"
        }
        let lists = VillageAggregation.cellLists(villageCount: villageCount, cells: cells)
        var points = [[ConfirmationPoints.Point]](repeating: [], count: villageCount)
        for r in results {
            let v = r.village
            points[v.index] = ConfirmationPoints.select(
                cells: lists[v.index], width: grid.width, centroidCol: (v.centroidXM - grid.originXM) / grid.cellSizeM,
                centroidRow: (grid.originYM - v.centroidYM) / grid.cellSizeM, hasTerrain: { coverage.layers.hasTerrain($0) },
                populationPerCell: populationPerCell, maxPopulated: request.populatedPoints)
        }
        // WGS 84 positions of every sample cell (P.1812 needs the path's latitude).
        let sampleCells = Array(Set(points.flatMap { $0.map(\.cell) })).sorted()
        let positions = coverage.crs.unproject(points: sampleCells.map { (grid.centreXM(col: $0 % grid.width), grid.centreYM(row: $0 / grid.width)) })
        var lonLatByCell: [Int: (lonDeg: Double, latDeg: Double)] = [:]
        for (k, c) in sampleCells.enumerated() {
            guard let p = positions[k] else { throw UsageError("cell \(c) of the coverage grid cannot be converted to WGS 84") }
            lonLatByCell[c] = (p.lonDeg, p.latDeg)
        }
        let lookup = lonLatByCell
        let confirmed = VillageConfirmer.confirm(points: points, terrain: terrain, sites: sites, model: model, radiusM: radiusM,
                                                 rxHeightM: rxHeightM, rules: rules, lonLat: { lookup[$0]! }, threads: threads)
        var byVillage: [Int: ConfirmedVillage] = [:]
        for (i, c) in confirmed.enumerated() { if let c { byVillage[i] = c } }
        return Result(model: model.name, description: description, radiusKm: radiusM / 1000, populatedPoints: request.populatedPoints,
                      byVillage: byVillage, seconds: Date().timeIntervalSince(started))
    }
}
