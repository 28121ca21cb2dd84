import ArgumentParser
import BlankSpotCore
import BlankSpotPipeline
import Foundation

struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run the whole pipeline on a bundled sample: Kalimantan Selatan (GENERATED terrain) or Kabupaten Bungo (real terrain).",
        discussion: """
        kalsel: the real village polygons of Kalimantan Selatan with a GENERATED terrain and an \
        illustrative tower list (13 real OpenCelliD sites plus GENERATED sites near towns); see \
        data/kalsel/README.md. bungo: the real SRTM terrain, land cover and villages of Kabupaten \
        Bungo (Jambi) with estimated populations and GENERATED towers; see data/bungo/README.md.
        """
    )

    enum Sample: String, ExpressibleByArgument, CaseIterable {
        case kalsel, bungo
    }

    @Option(help: "The sample: kalsel (default) or bungo.")
    var sample: Sample = .kalsel

    @Option(name: .customLong("out"), help: ArgumentHelp("Output folder (default: out/kalsel-demo or out/bungo-demo).", valueName: "dir"))
    var outPathOption: String?

    var outPath: String { outPathOption ?? "out/\(sample.rawValue)-demo" }

    @Option(name: .customLong("data"), help: ArgumentHelp("The sample folder (default: data/kalsel or data/bungo of the project).", valueName: "dir"))
    var dataPath: String?

    @Option(help: "Model (p1812, itm, hata, fspl, los).")
    var model: CoverageModelKind = .p1812

    @Option(name: .customLong("radius-km"), help: ArgumentHelp(
        "auto: evaluate each tower as far as it can serve (up to 150 km); or a fixed radius around each tower, km.", valueName: "auto|km"))
    var radiusText: String = "auto"

    @Option(name: .customLong("reach-scale"), help: "Evaluate every tower to this multiple of its automatic reach (2: the convergence check).")
    var reachScale: Double = 1

    /// The sweep settings of the radius options.
    func sweepSettings() throws -> SweepSettings {
        let radius = try RadiusOption.parse(radiusText, maxReachKm: AutomaticReach.defaultCapM / 1000, reachScale: reachScale)
        return SweepSettings(radiusM: radius.radiusM, automaticReach: radius.automatic)
    }

    @Option(name: .customLong("clutter"), help: ArgumentHelp(
        "Clutter: none (bare terrain), or a category for the whole area instead of the sample's land cover (GENERATED for kalsel, real for bungo).",
        valueName: "category"))
    var clutterName: String?

    /// The sample's clutter: its land cover (Bungo's real map, Kalsel's GENERATED one), or one
    /// category (`--clutter`); `--clutter none` gives bare terrain.
    func clutter(landCover: (paths: [String], table: String)?) throws -> ClutterSource {
        if let clutterName { return try ClutterSource.parse(uniform: clutterName) }
        guard let landCover else { return .uniform(.default) }
        let text = try String(contentsOfFile: landCover.table, encoding: .utf8)
        return .landCover(paths: landCover.paths, table: try LandCoverTable.parse(text: text, file: landCover.table), tableName: landCover.table)
    }

    @Option(name: .customLong("threads"), help: "Worker threads (default: all cores).")
    var threadsOption: Int?

    @Option(name: .customLong("suggest"), help: ArgumentHelp("Also suggest K new sites (see `suggest`), into suggest/ of the output folder.", valueName: "K"))
    var suggestSites: Int?

    @OptionGroup var suggest: SuggestOptions

    /// The worker threads: --threads, else every core.
    var threads: Int { threadsOption ?? ProcessInfo.processInfo.activeProcessorCount }

    func validate() throws {
        do {
            _ = try sweepSettings()
            if let threadsOption { try OptionRanges.threads.check(threadsOption) }
        } catch let e as UsageError {
            throw ValidationError(e.message)
        }
    }

    func run() throws {
        if sample == .bungo { return try runBungo() }
        let data = try Self.locateData(dataPath, folder: "data/kalsel", marker: KalselSample.towersFileName)
        let progress = ProgressReporter.forTerminal()
        let generatedDir = (data as NSString).appendingPathComponent("generated")
        func file(_ name: String) -> String { (data as NSString).appendingPathComponent(name) }
        let terrain = (generatedDir as NSString).appendingPathComponent(KalselSample.terrainFileName)
        let landCover = (generatedDir as NSString).appendingPathComponent(KalselSample.landCoverFileName)
        if !FileManager.default.fileExists(atPath: terrain) || !FileManager.default.fileExists(atPath: landCover) {
            Console.info("generating the sample's terrain and land cover (GENERATED, not real) into \(generatedDir)…")
            // Written under their final names into a staging folder (GDAL keeps the class
            // names in a .aux.xml beside the GeoTIFF), then moved into place.
            let fm = FileManager.default
            let staging = (generatedDir as NSString).appendingPathComponent(".partial")
            try? fm.removeItem(atPath: staging)
            try fm.createDirectory(atPath: staging, withIntermediateDirectories: true)
            try KalselSample.generate(provincePath: file(KalselSample.provinceFileName),
                                      terrainTo: (staging as NSString).appendingPathComponent(KalselSample.terrainFileName),
                                      landCover: .init(villagesPath: file(KalselSample.villagesFileName), towersPath: file(KalselSample.towersFileName),
                                                       to: (staging as NSString).appendingPathComponent(KalselSample.landCoverFileName)),
                                      threads: threads)
            for name in try fm.contentsOfDirectory(atPath: staging).sorted() {
                let final = (generatedDir as NSString).appendingPathComponent(name)
                try? fm.removeItem(atPath: final)
                try fm.moveItem(atPath: (staging as NSString).appendingPathComponent(name), toPath: final)
            }
            try fm.removeItem(atPath: staging)
        }
        let (c, elapsed, clutter) = try runSample(demPath: terrain, towersPath: file(KalselSample.towersFileName),
                                                  villagesPath: file(KalselSample.villagesFileName),
                                                  clutter: try clutter(landCover: ([landCover], file(KalselSample.landCoverTableFileName))),
                                                  progress: progress)
        Console.info("""
            demo finished in \(elapsed.components.seconds) s. Outputs in \(c.outPath):
              report.html         the report to read and share (open in any browser; `blankspot report --pdf` prints it)
              priority.csv        blank and partly covered villages, most people without service first
              villages.gpkg       village polygons with coverage (layers 'villages' and 'priority') — open in QGIS
              summary.json        totals for the province and per kabupaten/kota
              map.png             quick-look picture: villages by status, towers, coverage outside the villages
              villages.kmz        blank and partial villages for Google Earth
              signal_dbm.tif, coverage.tif, best_server.tif, server_count.tif — coverage rasters (.qml: their QGIS styles)\(suggestSites == nil ? "" : "\n  suggest/            new sites (sites.csv, sites.gpkg), curve.csv, baselines.csv, after/ (verdicts with the sites)")
            The terrain and its land cover are GENERATED (not real); village populations are estimates from kabupaten totals.
            Clutter: \(clutter.description).
            """)
    }

    /// Runs `run` on a sample's files (populations in `penduduk_estimasi`) and prints its
    /// reports; returns the coverage summary, the time taken and the clutter used.
    func runSample(demPath: String, towersPath: String, villagesPath: String, clutter: ClutterSource,
                   progress: ProgressReporter?) throws -> (CoverageSummary, Duration, ClutterSource) {
        var coverage = CoverageRequest(
            demPaths: [demPath], towersPath: towersPath, outPath: outPath, model: model, settings: try sweepSettings(),
            crs: nil, resolutionM: nil, threads: threads, overwrite: true, commandLine: CommandLine.arguments)
        coverage.signal = SignalOptions()
        coverage.towerReading.clutter = clutter
        var villages = VillagesRequest(coveragePath: "", villagesPath: villagesPath, outPath: outPath)
        villages.populationField = "penduduk_estimasi"
        villages.commandLine = CommandLine.arguments
        let suggestRequest = try suggestSites.map { k in
            var r = SuggestRequest(coverage: coverage, coveragePath: "", villages: villages, outPath: "", sites: k)
            try suggest.apply(to: &r)
            r.threads = threads
            r.commandLine = CommandLine.arguments
            return r
        }
        let clock = ContinuousClock.now
        let (c, v, s) = try RunJob.run(coverage: coverage, villages: villages, suggest: suggestRequest,
                                       log: { progress?.done(); Console.warn($0) }, progress: progress)
        let elapsed = ContinuousClock.now - clock
        Console.info(CoverageCommand.report(c))
        Console.info(VillagesCommand.report(v))
        if let s { Console.info(SuggestCommand.report(s)) }
        return (c, elapsed, clutter)
    }

    /// Kabupaten Bungo: real terrain and villages, estimated populations, GENERATED towers.
    func runBungo() throws {
        let data = try Self.locateData(dataPath, folder: "data/bungo", marker: BungoSample.towersFileName)
        func file(_ name: String) -> String { (data as NSString).appendingPathComponent(name) }
        let progress = ProgressReporter.forTerminal()
        let (c, elapsed, clutter) = try runSample(
            demPath: file(BungoSample.demFileName), towersPath: file(BungoSample.towersFileName), villagesPath: file(BungoSample.villagesFileName),
            clutter: try clutter(landCover: ([file(BungoSample.landCoverFileName)], file(BungoSample.landCoverTableFileName))), progress: progress)
        Console.info("""
            demo finished in \(elapsed.components.seconds) s. Outputs in \(c.outPath) (report.html, priority.csv, villages.gpkg, villages.kmz, summary.json, map.png, rasters).
            The terrain, land cover and villages are real; the towers are GENERATED and village populations estimated from the regency's total.
            Clutter: \(clutter.description).
            """)
    }

    /// The sample folder: --data, else `folder` under the current folder or next to the
    /// project this executable was built in (recognised by its `marker` file).
    static func locateData(_ given: String?, folder: String, marker: String) throws -> String {
        let fm = FileManager.default
        var candidates: [String] = []
        if let given { candidates.append(given) }
        candidates.append(folder)
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(dir.appendingPathComponent(folder).path)
            dir = dir.deletingLastPathComponent()
        }
        for c in candidates where fm.fileExists(atPath: (c as NSString).appendingPathComponent(marker)) {
            return c
        }
        throw UsageError("cannot find the sample folder \(folder); run from the project folder or give --data DIR")
    }
}
