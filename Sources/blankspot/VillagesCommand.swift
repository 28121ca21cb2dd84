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

    func request(coveragePath: String, outPath: String, overwrite: Bool) -> VillagesRequest {
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
        return r
    }
}

struct VillagesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "villages",
        abstract: "Rate every village from a coverage folder: blank, partial or covered, and a priority list.",
        discussion: """
        Outputs in --out: villages.gpkg (layers villages and priority), priority.csv, summary.json.
        """
    )

    @Option(name: .customLong("coverage"), help: ArgumentHelp("Output folder of `blankspot coverage`.", valueName: "dir"))
    var coveragePath: String

    @OptionGroup var villages: VillageOptions

    @Option(name: .customLong("out"), help: ArgumentHelp("Output folder (must not exist unless --overwrite).", valueName: "dir"))
    var outPath: String

    @Flag(help: "Replace --out if it exists.")
    var overwrite = false

    func run() throws {
        let s = try VillagesJob.run(villages.request(coveragePath: coveragePath, outPath: outPath, overwrite: overwrite), log: Console.warn)
        Console.info(VillagesCommand.report(s))
    }

    static func report(_ s: VillagesSummary) -> String {
        "villages: \(s.villages) rated — \(s.blank) blank, \(s.partial) partial, \(s.covered) covered; \(s.skipped) skipped; "
            + String(format: "%.0f people without service", s.peopleWithoutService)
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

    func run() throws {
        let progress = ProgressReporter.forTerminal()
        let (c, v) = try RunJob.run(coverage: try coverage.request(), villages: villages.request(coveragePath: "", outPath: coverage.outPath, overwrite: coverage.overwrite),
                                    log: { progress?.done(); Console.warn($0) }, progress: progress)
        Console.info(CoverageCommand.report(c))
        Console.info(VillagesCommand.report(v))
        Console.info("outputs in \(c.outPath)")
    }
}
