import ArgumentParser
import BlankSpotCore
import BlankSpotPipeline
import Foundation

struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Predict coverage from every tower over the terrain and write GeoTIFFs.",
        discussion: """
        Outputs in --out (created only when the run succeeds): signal_dbm.tif (signal models), \
        best_server.tif, server_count.tif, coverage.tif, towers.csv, run.json.
        """
    )

    @OptionGroup var options: CoverageOptions

    @OptionGroup(title: "One task of a tiled run") var tile: TileTaskOptions

    func run() throws {
        if tile.planPath != nil {
            // The plan holds every other option: a second source of them would be ignored.
            guard options.demPaths.isEmpty, options.towersOption == nil, options.outOption == nil else {
                throw ValidationError("--plan takes its inputs and outputs from the plan; give no --dem, --towers or --out with it")
            }
            try tile.run(threads: options.threadsOption)
            return
        }
        let progress = ProgressReporter.forTerminal()
        let summary = try CoverageJob.run(try options.request(), log: { progress?.done(); Console.warn($0) }, progress: progress)
        Console.info(Self.report(summary))
    }

    static func report(_ summary: CoverageSummary) -> String {
        """
        wrote \(summary.outPath): \(summary.towersUsed) towers (\(summary.towersSkipped) skipped), \
        \(summary.cells) cells, \(summary.servedCells) served; \
        read \(Console.seconds(summary.timingsS["read"])), sweep \(Console.seconds(summary.timingsS["sweep"])), \
        write \(Console.seconds(summary.timingsS["write"]))
        """
    }
}

/// Options of `coverage`, shared with `run`.
struct CoverageOptions: ParsableArguments {
    @Option(name: .customLong("dem"), parsing: .upToNextOption,
            help: ArgumentHelp("DEM file(s), required: any raster GDAL opens (GeoTIFF, SRTM .hgt/.hgt.zip/.hgt.gz, VRT); several are mosaicked.", valueName: "file"))
    var demPaths: [String] = []

    @Option(name: .customLong("towers"), help: ArgumentHelp("Tower list, required: CSV with lon,lat (+ optional columns), an OpenCelliD export, or an OGR point layer.", valueName: "file"))
    var towersOption: String?

    @Option(name: .customLong("out"), help: ArgumentHelp("Output folder, required (must not exist unless --overwrite).", valueName: "dir"))
    var outOption: String?

    /// --towers (checked by ``requireInputs()``).
    var towersPath: String { towersOption ?? "" }
    /// --out (checked by ``requireInputs()``).
    var outPath: String { outOption ?? "" }

    /// --dem, --towers and --out are required except by `coverage --plan`, whose plan holds them.
    func requireInputs() throws {
        var missing: [String] = []
        if demPaths.isEmpty { missing.append("--dem <file>") }
        if towersOption == nil { missing.append("--towers <file>") }
        if outOption == nil { missing.append("--out <dir>") }
        guard missing.isEmpty else { throw ValidationError("Missing expected argument\(missing.count == 1 ? "" : "s") '\(missing.joined(separator: "', '"))'") }
    }

    @Option(help: "Model: p1812 (ITU-R P.1812 over the terrain), itm (Longley-Rice over the terrain; slower), hata (Okumura/COST 231 Hata), fspl (free space), los (line of sight only).")
    var model: CoverageModelKind = .p1812

    @Option(name: .customLong("radius-km"), help: ArgumentHelp(
        "auto: evaluate each tower as far as it can serve (up to --max-reach-km); or a fixed distance evaluated from each tower, km.",
        valueName: "auto|km"))
    var radiusText: String = "auto"

    @Option(name: .customLong("max-reach-km"), help: "The hard cap of the automatic reach, km.")
    var maxReachKm: Double = AutomaticReach.defaultCapM / 1000

    @Option(name: .customLong("reach-scale"), help: "Evaluate every tower to this multiple of its automatic reach (2: the convergence check).")
    var reachScale: Double = 1

    @Option(name: .customLong("rx-height-m"), help: "Receiver height above ground, m.")
    var rxHeightM: Double = 1.5

    @Option(name: .customLong("k-factor"), help: "Effective earth radius factor k for --model los (default 4/3, the standard atmosphere; P.1812 uses ΔN).")
    var kFactor: Double?

    @Option(help: ArgumentHelp("Analysis CRS (default: the WGS 84 UTM zone of the towers' centre).", valueName: "EPSG:code|WKT"))
    var crs: String?

    @Option(name: .customLong("resolution-m"), help: "Cell size in metres (default: the DEM's native resolution).")
    var resolutionM: Double?

    @Option(name: .customLong("threads"), help: "Worker threads (default: all cores). Results do not depend on it.")
    var threadsOption: Int?

    /// The worker threads: --threads, else every core.
    var threads: Int { threadsOption ?? ProcessInfo.processInfo.activeProcessorCount }

    @Option(name: .customLong("threshold-dbm"), help: "One service threshold for every technology, dBm (default 2G/3G −100, 4G/5G −110).")
    var thresholdDBm: Double?

    @Option(help: ArgumentHelp("Per-technology thresholds, e.g. 4G=-105,2G=-95.", valueName: "TECH=dBm,…"))
    var threshold: String?

    @Option(help: "Hata environment everywhere: urban, suburban, rural, open (default: each cell's land-cover class; rural with --clutter none).")
    var environment: Hata.Environment?

    @Option(name: .customLong("time-percent"), help: "Time percentage: P.1812 p, 1–50; ITM time, 1–99.")
    var timePercent: Double = 50

    @Option(name: .customLong("location-percent"), help: "P.1812 location percentage pL, 1–99.")
    var locationPercent: Double = 50

    @Option(name: .customLong("delta-n"), help: "P.1812 ΔN, N-units/km (default 45; see docs/models.md).")
    var deltaN: Double = TropicalDefaults.deltaN

    @Option(help: "Sea-level surface refractivity N0 for P.1812 and ITM, N-units (default 375; see docs/models.md).")
    var n0: Double = TropicalDefaults.n0

    @Option(name: .customLong("itm-climate"), help: "ITM radio climate 1–7 (default 1, equatorial).")
    var itmClimate: Int = 1

    @Option(name: .customLong("itm-ground"), help: "ITM ground: average, poor, good, fresh-water, sea-water.")
    var itmGround: String = "average"

    @Option(name: .customLong("column"), help: ArgumentHelp(
        "Take a tower field from a column of another name, e.g. height_m=tower_height (repeatable, or comma-separated). Fields: lon, lat, id, height_m, technology, frequency_mhz, eirp_dbm, azimuth_deg, beamwidth_deg, tilt_deg.",
        valueName: "FIELD=COLUMN"))
    var columns: [String] = []

    @Flag(name: .customLong("skip-bad-rows"), help: "Go on with the good rows of the tower file; list every bad row in towers.csv and run.json instead of stopping.")
    var skipBadRows = false

    @Option(name: .customLong("max-memory-gb"), help: "Refuse a run whose estimated memory exceeds this (default: the machine's memory).")
    var maxMemoryGB: Double?

    @OptionGroup var clutter: ClutterOptions

    @Flag(help: "Replace --out if it exists.")
    var overwrite = false

    /// Every number against its documented range (OptionRanges), before any work starts.
    func validate() throws {
        do {
            _ = try RadiusOption.parse(radiusText, maxReachKm: maxReachKm, reachScale: reachScale)
            try OptionRanges.rxHeightM.check(rxHeightM)
            if let kFactor { try OptionRanges.kFactor.check(kFactor) }
            if let resolutionM { try OptionRanges.resolutionM.check(resolutionM) }
            if let threadsOption { try OptionRanges.threads.check(threadsOption) }
            if let thresholdDBm { try OptionRanges.thresholdDBm.check(thresholdDBm) }
            try (model == .p1812 ? OptionRanges.timePercentP1812 : OptionRanges.timePercent).check(timePercent)
            try OptionRanges.locationPercent.check(locationPercent)
            try OptionRanges.deltaN.check(deltaN)
            try OptionRanges.n0.check(n0)
            try OptionRanges.itmClimate.check(itmClimate)
            if let maxMemoryGB { try OptionRanges.maxMemoryGB.check(maxMemoryGB) }
            _ = try TowerColumns.parseMapping(columns)
            try clutter.check()
            _ = try signalOptions()
        } catch let e as UsageError {
            throw ValidationError(e.message)
        }
    }

    func request() throws -> CoverageRequest {
        try requireInputs()
        let radius = try RadiusOption.parse(radiusText, maxReachKm: maxReachKm, reachScale: reachScale)
        var r = CoverageRequest(
            demPaths: demPaths, towersPath: towersPath, outPath: outPath, model: model,
            settings: SweepSettings(radiusM: radius.radiusM, rxHeightM: rxHeightM, kFactor: kFactor ?? 4.0 / 3.0,
                                    automaticReach: radius.automatic),
            crs: crs, resolutionM: resolutionM, threads: threads, overwrite: overwrite,
            commandLine: CommandLine.arguments, signal: try signalOptions())
        r.towerReading = TowerReading(mapping: try TowerColumns.parseMapping(columns), skipBadRows: skipBadRows)
        r.towerReading.maxMemoryBytes = maxMemoryGB.map { $0 * 1e9 }
        r.towerReading.clutter = try clutter.source()
        return r
    }

    func signalOptions() throws -> SignalOptions {
        var o = SignalOptions()
        if let thresholdDBm { o.thresholds = ServiceThresholds(allDBm: thresholdDBm) }
        if let threshold { try o.applyThresholdList(threshold) }
        o.environment = environment
        o.timePercent = timePercent
        o.locationPercent = locationPercent
        o.deltaN = deltaN
        o.n0 = n0
        o.itm = try ITMCommandOptions.parse(climate: itmClimate, ground: itmGround)
        return o
    }
}

extension CoverageModelKind: ExpressibleByArgument {}
extension Hata.Environment: ExpressibleByArgument {}
