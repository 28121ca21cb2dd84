import ArgumentParser
import BlankSpotCore
import BlankSpotPipeline
import Foundation

/// Options shared by `villages` and `run`.
struct VillageOptions: ParsableArguments {
    @Option(name: .customLong("villages"), help: ArgumentHelp("Village polygons: any OGR polygon layer (GeoJSON, GeoPackage, Shapefile).", valueName: "file"))
    var villagesPath: String

    @Option(name: .customLong("id-field"), help: "Village id field (default: detected, e.g. kode, id).")
    var idField: String?

    @Option(name: .customLong("name-field"), help: "Village name field (default: detected, e.g. nama, name).")
    var nameField: String?

    @Option(name: .customLong("population-field"), help: "Population field (default: detected, e.g. population, penduduk).")
    var populationField: String?

    @Option(name: .customLong("region-field"), help: "Field to total by in summary.json (default: detected, e.g. nama_kab).")
    var regionField: String?

    @Option(name: .customLong("population"), help: ArgumentHelp("Population raster, people per cell (e.g. WorldPop); replaces the attribute.", valueName: "file"))
    var populationRaster: String?

    @Option(name: .customLong("covered-percent"), help: "A village is covered when at least this % of its people are served.")
    var coveredPercent: Double = 90

    @Option(name: .customLong("blank-percent"), help: "A village is blank when at most this % of its people are served.")
    var blankPercent: Double = 10

    @Option(name: .customLong("blank-weight"), help: "Priority weight of people in blank villages (partial = 1).")
    var blankWeight: Double = 1.5

    @Option(help: "Confirm every verdict point to point with p1812 or itm from each tower in range (see docs/data.md).")
    var confirm: ConfirmationRequest.Model?

    @Option(name: .customLong("confirm-points"), help: "Populated sample points per village for --confirm, besides the centroid.")
    var confirmPoints: Int = 16

    /// Every number against its documented range (OptionRanges).
    func validate() throws {
        do {
            try OptionRanges.coveredPercent.check(coveredPercent)
            try OptionRanges.blankPercent.check(blankPercent)
            guard blankPercent < coveredPercent else {
                throw UsageError("--blank-percent (\(blankPercent.formatted)) must be below --covered-percent (\(coveredPercent.formatted))")
            }
            try OptionRanges.blankWeight.check(blankWeight)
            try OptionRanges.confirmPoints.check(confirmPoints)
        } catch let e as UsageError {
            throw ValidationError(e.message)
        }
    }

    func request(coveragePath: String, outPath: String, overwrite: Bool, threads: Int, itm: ITMOptions, demPaths: [String]?) throws -> VillagesRequest {
        guard confirmPoints >= 0 else { throw ValidationError("--confirm-points must be 0 or more, got \(confirmPoints)") }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1, got \(threads)") }
        var r = VillagesRequest(coveragePath: coveragePath, villagesPath: villagesPath, outPath: outPath)
        r.idField = idField
        r.nameField = nameField
        r.populationField = populationField
        r.regionField = regionField
        r.populationRasterPath = populationRaster
        r.rules.coveredPercent = coveredPercent
        r.rules.blankPercent = blankPercent
        r.blankWeight = blankWeight
        r.overwrite = overwrite
        r.commandLine = CommandLine.arguments
        r.threads = threads
        if let confirm {
            var c = ConfirmationRequest(model: confirm)
            c.populatedPoints = confirmPoints
            c.itm = itm
            c.demPaths = demPaths
            r.confirm = c
        }
        return r
    }
}

struct VillagesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "villages",
        abstract: "Rate every village from a coverage folder: blank, partial or covered, and a priority list.",
        discussion: """
        Outputs in --out: villages.gpkg (layers villages and priority), priority.csv, summary.json, map.png.
        """
    )

    @Option(name: .customLong("coverage"), help: ArgumentHelp("Output folder of `blankspot coverage`.", valueName: "dir"))
    var coveragePath: String

    @OptionGroup var villages: VillageOptions

    @Option(name: .customLong("out"), help: ArgumentHelp("Output folder (must not exist unless --overwrite).", valueName: "dir"))
    var outPath: String

    @Flag(help: "Replace --out if it exists.")
    var overwrite = false

    @Option(name: .customLong("dem"), parsing: .upToNextOption,
            help: ArgumentHelp("DEM(s) for --confirm (default: those in the coverage folder's run.json).", valueName: "file"))
    var demPaths: [String] = []

    @Option(name: .customLong("threads"), help: "Worker threads for --confirm (default: all cores). Results do not depend on it.")
    var threadsOption: Int?

    /// The worker threads: --threads, else every core.
    var threads: Int { threadsOption ?? ProcessInfo.processInfo.activeProcessorCount }

    func validate() throws {
        do {
            if let threadsOption { try OptionRanges.threads.check(threadsOption) }
            try OptionRanges.itmClimate.check(itmClimate)
        } catch let e as UsageError {
            throw ValidationError(e.message)
        }
    }

    @Option(name: .customLong("itm-climate"), help: "ITM radio climate 1–7 for --confirm itm (default 1, equatorial).")
    var itmClimate: Int = 1

    @Option(name: .customLong("itm-ground"), help: "ITM ground for --confirm itm: average, poor, good, fresh-water, sea-water.")
    var itmGround: String = "average"

    func run() throws {
        let request = try villages.request(coveragePath: coveragePath, outPath: outPath, overwrite: overwrite, threads: threads,
                                           itm: try ITMCommandOptions.parse(climate: itmClimate, ground: itmGround),
                                           demPaths: demPaths.isEmpty ? nil : demPaths)
        let s = try VillagesJob.run(request, log: Console.warn)
        Console.info(VillagesCommand.report(s))
    }

    static func report(_ s: VillagesSummary) -> String {
        var text = "villages: \(s.villages) rated — \(s.blank) blank, \(s.partial) partial, \(s.covered) covered; \(s.skipped) skipped; "
            + String(format: "%.0f people without service", s.peopleWithoutService)
        if let c = s.confirmation {
            text += "\nconfirmed point to point: \(c.agree) of \(c.villages) verdicts agree"
            if !c.changes.isEmpty {
                text += " (" + c.changes.map { "\($0.rasterStatus)→\($0.confirmedStatus) \($0.villages)" }.joined(separator: ", ") + ")"
            }
        }
        return text
    }
}

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Coverage, then villages, into one folder.",
        discussion: "Takes every option of `coverage` and of `villages`; writes both sets of outputs."
    )

    @OptionGroup var coverage: CoverageOptions
    @OptionGroup var villages: VillageOptions

    @Option(name: .customLong("suggest"), help: ArgumentHelp("Also suggest K new sites (see `suggest`), into suggest/ of the output folder.", valueName: "K"))
    var suggestSites: Int?

    @OptionGroup var suggest: SuggestOptions

    func run() throws {
        try coverage.requireInputs()
        let progress = ProgressReporter.forTerminal()
        let signal = try coverage.signalOptions()
        let villageRequest = try villages.request(coveragePath: "", outPath: coverage.outPath, overwrite: coverage.overwrite,
                                                  threads: coverage.threads, itm: signal.itm, demPaths: coverage.demPaths)
        let coverageRequest = try coverage.request()
        let suggestRequest = try suggestSites.map { k in
            var r = SuggestRequest(coverage: coverageRequest, coveragePath: "", villages: villageRequest, outPath: "", sites: k)
            try suggest.apply(to: &r)
            r.threads = coverage.threads
            r.commandLine = CommandLine.arguments
            return r
        }
        let (c, v, s) = try RunJob.run(coverage: coverageRequest, villages: villageRequest, suggest: suggestRequest,
                                       log: { progress?.done(); Console.warn($0) }, progress: progress)
        Console.info(CoverageCommand.report(c))
        Console.info(VillagesCommand.report(v))
        if let s { Console.info(SuggestCommand.report(s)) }
        Console.info("outputs in \(c.outPath)")
    }
}

extension ConfirmationRequest.Model: ExpressibleByArgument {}
