/// One village as the aggregation sees it.
public struct Village: Sendable, Equatable {
    /// Position in the input layer (0-based, input order).
    public var index: Int
    public var id: String
    public var name: String
    /// The grouping for the province summary (kabupaten/kota), or "".
    public var region: String
    /// Population from the layer's attribute, nil when the layer has none for this village.
    public var population: Double?
    /// Area of the polygon in the analysis CRS, km².
    public var areaKm2: Double
    /// Centroid in the analysis CRS, metres.
    public var centroidXM: Double
    public var centroidYM: Double

    public init(index: Int, id: String, name: String, region: String, population: Double?, areaKm2: Double,
                centroidXM: Double, centroidYM: Double) {
        self.index = index
        self.id = id
        self.name = name
        self.region = region
        self.population = population
        self.areaKm2 = areaKm2
        self.centroidXM = centroidXM
        self.centroidYM = centroidYM
    }
}

/// Which grid cells belong to which village: a village id per cell (cell centre inside the
/// polygon), plus extra (village, cell) pairs for villages too small or thin to hold a cell
/// centre, which get every cell they touch.
public struct VillageCells: Sendable {
    public let grid: GridGeometry
    /// Village index per cell, −1 = none.
    public let owner: GridBuffer<Int32>
    /// (village index, cell index) for the all-touched villages.
    public let extra: [(village: Int32, cell: Int)]

    public init(grid: GridGeometry, owner: GridBuffer<Int32>, extra: [(village: Int32, cell: Int)]) {
        self.grid = grid
        self.owner = owner
        self.extra = extra
    }
}

/// The coverage rasters of a run, read back from its folder.
public struct CoverageLayers: Sendable {
    public let grid: GridGeometry
    /// Service class per cell (0 = none; ≥ 1 = served); 255 = no terrain.
    public let classes: [Float]
    /// Best received signal, dBm (nan where no tower reaches; absent for line-of-sight runs).
    public let signalDBm: [Float]?
    /// Best server's row in towers.csv (nan = none).
    public let bestServer: [Float]
    /// Serving towers per cell (nan = no terrain).
    public let serverCount: [Float]

    public init(grid: GridGeometry, classes: [Float], signalDBm: [Float]?, bestServer: [Float], serverCount: [Float]) {
        self.grid = grid
        self.classes = classes
        self.signalDBm = signalDBm
        self.bestServer = bestServer
        self.serverCount = serverCount
    }

    /// Served: class 1 or more (not nodata).
    @inline(__always) public func isServed(_ i: Int) -> Bool { let c = classes[i]; return c >= 1 && c < 255 && !c.isNaN }
    @inline(__always) public func hasTerrain(_ i: Int) -> Bool { let c = classes[i]; return !c.isNaN && c != 255 }
}

/// Thresholds that turn a covered share into a status.
public struct VillageStatusRules: Sendable, Equatable, Codable {
    /// At or above this share of the population (or of the area, without population) served:
    /// covered.
    public var coveredPercent = 90.0
    /// At or below this share: blank.
    public var blankPercent = 10.0
    public init() {}

    /// The status of a village with `percent` % served.
    public func status(servedPercent percent: Double) -> VillageStatus {
        percent >= coveredPercent ? .covered : (percent <= blankPercent ? .blank : .partial)
    }
}

public enum VillageStatus: String, Sendable, Codable {
    case covered, partial, blank
}

/// Coverage of one village.
public struct VillageCoverage: Sendable {
    public var village: Village
    public var cells: Int
    public var cellsWithTerrain: Int
    public var population: Double
    /// True when population comes from a raster or attribute (false: shares are by area).
    public var hasPopulation: Bool
    public var coveredAreaPercent: Double
    public var coveredPopulationPercent: Double
    public var uncoveredPopulation: Double
    /// Median and 10th percentile of the best signal over the village's cells, dBm; nil when
    /// that share of the cells has no signal at all (or the run has no signal raster).
    public var medianSignalDBm: Double?
    public var p10SignalDBm: Double?
    /// towers.csv row of the tower that is best server for the most people (cells) in the
    /// village, among served cells; nil when none serves.
    public var mainTowerIndex: Int?
    /// Distinct towers that are best server (and serving) somewhere in the village.
    public var servingTowers: Int
    /// Most towers serving any one cell of the village.
    public var maxServerCount: Int
    /// Distance from the village centroid to the nearest used tower, km.
    public var nearestTowerKm: Double?
    public var status: VillageStatus
    /// The share the status was decided on, %.
    public var decidingPercent: Double
}
