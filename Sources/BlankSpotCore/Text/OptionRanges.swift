/// A documented range for a number the user gives, with where the range comes from. Every
/// numeric option is checked against one of these before any work starts; a value outside
/// gets a usage error that names the option, the range and its source.
public struct DocumentedRange: Sendable {
    public let option: String
    public let what: String
    public let range: ClosedRange<Double>
    public let unit: String
    public let source: String

    public init(_ option: String, _ what: String, _ range: ClosedRange<Double>, unit: String, source: String) {
        self.option = option
        self.what = what
        self.range = range
        self.unit = unit
        self.source = source
    }

    /// The range as text: "0.5 to 3000 m".
    public var text: String {
        "\(range.lowerBound.formatted) to \(range.upperBound.formatted)\(unit.isEmpty ? "" : " " + unit)"
    }

    /// - Throws: ``UsageError`` when `value` is not finite or lies outside the range.
    public func check(_ value: Double) throws {
        guard value.isFinite, range.contains(value) else {
            throw UsageError("\(option): expected \(what) from \(text) (\(source)), got \(value.formatted)")
        }
    }

    public func check(_ value: Int) throws { try check(Double(value)) }
}

/// The ranges of blankspot's numeric options (README and docs/data.md list them).
public enum OptionRanges {
    public static let radiusKm = DocumentedRange("--radius-km", "a radius", 0.1...500, unit: "km",
        source: "beyond a few tens of km no handset link closes; 500 km bounds the grid")
    public static let maxReachKm = DocumentedRange("--max-reach-km", "a hard cap of the automatic reach", 1...500, unit: "km",
        source: "the radio horizon of a 300 m mast over a 3,000 m mountain is about 300 km; 500 km bounds the grid")
    public static let reachScale = DocumentedRange("--reach-scale", "a multiple of the automatic reach", 1...4, unit: "",
        source: "2 is the convergence check; 4 bounds its cost")
    public static let rxHeightM = DocumentedRange("--rx-height-m", "a receiver height above ground", 0.5...3000, unit: "m",
        source: "terminal heights of ITM v1.4; P.1812 asks 1 m or more")
    public static let txHeightM = DocumentedRange("--tx-height-m", "a transmitter height above ground", 0.5...3000, unit: "m",
        source: "terminal heights of ITM v1.4; P.1812 asks 1 m or more")
    public static let kFactor = DocumentedRange("--k-factor", "an effective earth radius factor", 0.1...100, unit: "",
        source: "4/3 in the standard atmosphere (ITU-R P.310), below 1 in sub-refraction, large in super-refraction")
    public static let resolutionM = DocumentedRange("--resolution-m", "a cell size", 1...10_000, unit: "m",
        source: "finer than 1 m is beyond any DEM; coarser than 10 km leaves no terrain")
    public static let thresholdDBm = DocumentedRange("--threshold-dbm", "a service threshold", -150...(-30), unit: "dBm",
        source: "from below any handset's sensitivity to the level that saturates it")
    public static let timePercent = DocumentedRange("--time-percent", "a time percentage", 1...99, unit: "%",
        source: "ITM accepts 1–99 %; P.1812 1–50 %")
    public static let timePercentP1812 = DocumentedRange("--time-percent", "a time percentage for P.1812", 1...50, unit: "%",
        source: "ITU-R P.1812-8 §1: 1 % ≤ p ≤ 50 %")
    public static let locationPercent = DocumentedRange("--location-percent", "a location percentage", 1...99, unit: "%",
        source: "ITU-R P.1812-8 §4.9: 1 % ≤ pL ≤ 99 %")
    public static let deltaN = DocumentedRange("--delta-n", "a refractivity lapse ΔN", 0...150, unit: "N-units/km",
        source: "ITU-R P.1812 eq. 5 needs ΔN below 157; the ITU map spans about 20–80")
    public static let n0 = DocumentedRange("--n0", "a sea-level surface refractivity N0", 250...400, unit: "N-units",
        source: "ITM v1.4's accepted range; the ITU map spans about 280–400")
    public static let itmClimate = DocumentedRange("--itm-climate", "an ITM radio climate", 1...7, unit: "",
        source: "NTIA Report 82-100: 1 equatorial … 7 maritime temperate over sea")
    public static let threads = DocumentedRange("--threads", "a thread count", 1...1024, unit: "", source: "at least one worker")
    public static let coveredPercent = DocumentedRange("--covered-percent", "a share of people", 0...100, unit: "%", source: "a percentage")
    public static let blankPercent = DocumentedRange("--blank-percent", "a share of people", 0...100, unit: "%", source: "a percentage")
    public static let blankWeight = DocumentedRange("--blank-weight", "a priority weight", 0...100, unit: "",
        source: "1 counts people in blank villages like those in partial ones")
    public static let confirmPoints = DocumentedRange("--confirm-points", "a number of sample points", 0...1000, unit: "",
        source: "points per village besides the centroid")
    public static let maxMemoryGB = DocumentedRange("--max-memory-gb", "a memory budget", 0.05...65536, unit: "GB", source: "a machine's memory")
    public static let frequencyMHz = DocumentedRange("--frequency-mhz", "a frequency", 20...20_000, unit: "MHz",
        source: "ITM v1.4 accepts 20 MHz–20 GHz; P.1812 30 MHz–6 GHz")
    public static let spacingM = DocumentedRange("--spacing-m", "a profile spacing", 0.1...10_000, unit: "m",
        source: "finer than 0.1 m is beyond any DEM")
    public static let suggestSites = DocumentedRange("--sites (--suggest)", "a number of new sites", 1...1000, unit: "",
        source: "at least one; 1,000 bounds the solver's work")
    public static let gridM = DocumentedRange("--grid-m", "a candidate spacing", 10...50_000, unit: "m",
        source: "finer than 10 m is below any DEM's meaning; 50 km leaves few candidates")
    public static let towerHeightM = DocumentedRange("--height-m", "a tower height", 1...300, unit: "m",
        source: "from a mast on a roof to the tallest lattice towers")
    public static let minSpacingKm = DocumentedRange("--min-spacing-km", "a minimum site spacing", 0...100, unit: "km",
        source: "0 allows neighbouring cells; beyond 100 km no two sites of a province fit")
    public static let targetServedPercent = DocumentedRange("--target-served-percent", "a share of people", 0...100, unit: "%", source: "a percentage")
    public static let maxSweeps = DocumentedRange("--max-sweeps", "a number of candidate sweeps", 10...1_000_000, unit: "",
        source: "each sweep costs about one tower of a coverage run")

    /// Every range, for the documentation and its test.
    public static let all: [DocumentedRange] = [
        radiusKm, maxReachKm, reachScale, rxHeightM, txHeightM, kFactor, resolutionM, thresholdDBm, timePercent, timePercentP1812, locationPercent,
        deltaN, n0, itmClimate, threads, coveredPercent, blankPercent, blankWeight, confirmPoints, maxMemoryGB,
        frequencyMHz, spacingM, suggestSites, gridM, towerHeightM, minSpacingKm, targetServedPercent, maxSweeps,
    ]
}
