import BlankSpotCore
import BlankSpotGDAL
import Foundation

/// Everything `blankspot suggest` needs to know.
public struct SuggestRequest: Sendable {
    /// How the coverage folder was computed: its inputs, model, clutter and reach. The
    /// candidates are swept with exactly these.
    public var coverage: CoverageRequest
    /// The coverage folder (rasters and towers.csv).
    public var coveragePath: String
    /// The villages, their fields, the status rules and the blank-village weight.
    public var villages: VillagesRequest
    public var outPath: String
    /// K: how many new sites.
    public var sites: Int
    /// Offered parcels (CSV or OGR points); nil = the candidate lattice.
    public var candidatesPath: String?
    /// The candidate lattice's spacing, m.
    public var gridM = 250.0
    /// Tower heights offered at every location, m.
    public var heightsM = [SiteTemplate.defaultHeightM]
    /// A one-row tower file giving the new sites' radio (its position is ignored); nil = the
    /// default new 4G macro site (``SiteTemplate``).
    public var templatePath: String?
    /// Polygons where no site may stand.
    public var excludePaths: [String] = []
    /// New sites at least this far from existing towers and from each other, km.
    public var minSpacingKm = 2.0
    /// Stop at the first K whose sites bring the served share of the villages' people to this, %.
    public var targetServedPercent: Double?
    /// At most this many candidate sweeps in the first pass; beyond it, a coarser lattice first,
    /// then the full lattice around the chosen sites.
    public var maxSweeps = 1500
    public var threads = ProcessInfo.processInfo.activeProcessorCount
    public var overwrite = false
    public var commandLine: [String] = []

    public init(coverage: CoverageRequest, coveragePath: String, villages: VillagesRequest, outPath: String, sites: Int) {
        self.coverage = coverage
        self.coveragePath = coveragePath
        self.villages = villages
        self.outPath = outPath
        self.sites = sites
    }

    /// Every number against its documented range, and the template file.
    /// - Throws: ``UsageError``, or ``InputError`` for the template.
    public func check() throws {
        try OptionRanges.suggestSites.check(Double(sites))
        try OptionRanges.gridM.check(gridM)
        guard !heightsM.isEmpty else { throw UsageError("--height-m: expected at least one height") }
        for h in heightsM { try OptionRanges.towerHeightM.check(h) }
        try OptionRanges.minSpacingKm.check(minSpacingKm)
        if let targetServedPercent { try OptionRanges.targetServedPercent.check(targetServedPercent) }
        try OptionRanges.maxSweeps.check(Double(maxSweeps))
        // The template is read now, so that a bad one stops the run before any work.
        _ = try SiteTemplate.tower(from: templatePath, heightM: heightsM[0])
    }
}

/// The radio of a new site: a 4G macro site unless `--template` says otherwise.
///
/// Defaults (the same as an unspecified 4G tower of the tower table, README "Towers"): LTE at
/// 1800 MHz (band 3, the LTE band every Indonesian operator holds nationwide), reference-signal
/// EIRP 29.2 dBm per resource element (20 W = 43 dBm over 600 sub-carriers of a 10 MHz carrier is
/// 15.2 dBm each; − 3 dB feeder loss + 17 dBi antenna gain), omnidirectional (three sectors
/// treated as one omni pattern), no tilt, and a 42 m tower: the lowest of the standard
/// self-supporting tower heights (42, 52, 72 m) of Indonesian rural tower programmes.
public enum SiteTemplate {
    public static let defaultHeightM = 42.0

    static func tower(from file: String?, heightM: Double) throws -> Tower {
        guard let file else {
            return Tower(id: "template", lonDeg: 0, latDeg: 0, heightM: heightM, eirpDBm: 29.2, frequencyMHz: 1800, azimuthDeg: nil,
                         beamwidthDeg: 65, tiltDeg: 0, technology: .lte, origin: "default new 4G macro site")
        }
        let read = try TowerFileReader.read(path: file)
        let towers = try read.requireAllGood(file: file)
        guard towers.count == 1, var t = towers.first else {
            throw InputError(file: file, message: "expected exactly one tower row as the template, got \(towers.count)")
        }
        t.heightM = heightM
        t.origin = "template \(file)"
        return t
    }
}
