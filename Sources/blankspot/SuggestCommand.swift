import ArgumentParser
import BlankSpotCore
import BlankSpotPipeline
import Foundation

/// The options of `suggest` shared with `run --suggest` and `demo --suggest`.
struct SuggestOptions: ParsableArguments {
    @Option(name: .customLong("candidates"), help: ArgumentHelp(
        "Offered parcels instead of the lattice: a CSV with lon,lat[,id] or any OGR point layer.", valueName: "file"))
    var candidatesPath: String?

    @Option(name: .customLong("grid-m"), help: "Spacing of the candidate lattice inside the villages, m.")
    var gridM: Double = 250

    @Option(name: .customLong("height-m"), help: ArgumentHelp("Tower height(s) offered at every location, m, comma-separated (default 42).",
                                                              valueName: "m,…"))
    var heightsText: String = "42"

    @Option(name: .customLong("template"), help: ArgumentHelp(
        "A one-row tower CSV giving the new sites' radio (technology, frequency_mhz, eirp_dbm, azimuth…); default: a 4G macro site (see README).",
        valueName: "file"))
    var templatePath: String?

    @Option(name: .customLong("exclude"), parsing: .upToNextOption, help: ArgumentHelp(
        "Polygons where no new site may stand (protected forest, airports…): any OGR polygon layer(s).", valueName: "file"))
    var excludePaths: [String] = []

    @Option(name: .customLong("min-spacing-km"), help: "New sites at least this far from existing towers and from each other, km.")
    var minSpacingKm: Double = 2

    @Option(name: .customLong("target-served-percent"), help: "Stop at the first site count that brings this % of the villages' people into service.")
    var targetServedPercent: Double?

    @Option(name: .customLong("max-sweeps"), help: "Candidate sweeps in the first pass; a larger lattice is first searched coarser, then refined around the chosen sites.")
    var maxSweeps: Int = 1500

    func heightsM() throws -> [Double] {
        let parts = heightsText.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let values = parts.map { Double($0) }
        guard !parts.isEmpty, values.allSatisfy({ $0 != nil }) else {
            throw ValidationError("--height-m: expected heights in metres separated by commas, e.g. 42,52,72, got '\(heightsText)'")
        }
        return Array(Set(values.map { $0! })).sorted()
    }

    /// Puts these options on `r` and checks them against their documented ranges.
    func apply(to r: inout SuggestRequest) throws {
        r.candidatesPath = candidatesPath
        r.gridM = gridM
        r.heightsM = try heightsM()
        r.templatePath = templatePath
        r.excludePaths = excludePaths
        r.minSpacingKm = minSpacingKm
        r.targetServedPercent = targetServedPercent
        r.maxSweeps = maxSweeps
        do { try r.check() } catch let e as UsageError { throw ValidationError(e.message) }
    }
}

struct SuggestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "suggest",
        abstract: "Where K new towers would bring service to the most people without it.",
        discussion: """
        Sweeps candidate sites with the coverage run's own model, clutter and reach, and chooses K by lazy greedy \
        and swap search, maximising the people newly served (credit per village capped at what makes it covered). \
        Outputs in --out: sites.csv, sites.gpkg, curve.csv, after/ (village verdicts with the sites, and \
        towers_with_sites.csv), run.json with the upper bound on the optimum and the gap.
        """
    )

    @Option(name: .customLong("coverage"), help: ArgumentHelp("Output folder of `blankspot coverage` or `run`.", valueName: "dir"))
    var coveragePath: String

    @OptionGroup var villages: VillageOptions

    @Option(name: .customLong("sites"), help: "K: the number of new sites.")
    var sites: Int

    @OptionGroup var suggest: SuggestOptions

    @Option(name: .customLong("out"), help: ArgumentHelp("Output folder (must not exist unless --overwrite).", valueName: "dir"))
    var outPath: String

    @Flag(help: "Replace --out if it exists.")
    var overwrite = false

    @Option(name: .customLong("threads"), help: "Worker threads (default: all cores). Results do not depend on it.")
    var threadsOption: Int?

    func run() throws {
        let threads = threadsOption ?? ProcessInfo.processInfo.activeProcessorCount
        // The coverage as its folder records it, recreated from run.json's coverage_arguments.
        let arguments = try SuggestJob.coverageArguments(folder: coveragePath)
        var coverage: CoverageRequest
        do {
            coverage = try CoverageOptions.parse(arguments + ["--out", outPath]).request()
        } catch {
            throw InputError(file: (coveragePath as NSString).appendingPathComponent("run.json"),
                             message: "its coverage_arguments do not parse (\(CoverageOptions.message(for: error))); expected the run.json blankspot wrote")
        }
        coverage.threads = threads
        var villageRequest = try villages.request(coveragePath: coveragePath, outPath: outPath, overwrite: overwrite, threads: threads,
                                                  itm: coverage.signal.itm, demPaths: nil)
        villageRequest.confirm = nil
        var request = SuggestRequest(coverage: coverage, coveragePath: coveragePath, villages: villageRequest, outPath: outPath, sites: sites)
        try suggest.apply(to: &request)
        request.threads = threads
        request.overwrite = overwrite
        request.commandLine = CommandLine.arguments
        let progress = ProgressReporter.forTerminal()
        let s = try SuggestJob.run(request, log: { progress?.done(); Console.warn($0) }, progress: progress)
        Console.info(Self.report(s))
    }

    static func report(_ s: SuggestSummary) -> String {
        var text = "suggest: \(s.sites) sites from \(s.candidateLocations) candidate locations (\(s.sweeps) sweeps): "
            + String(format: "%.0f people newly served, %d villages lifted; ", s.peopleNewlyServed, s.villagesLifted)
            + String(format: "objective %.0f, upper bound %.0f, gap %.2f %%", s.value, s.bound, 100 * s.gap)
        if let lp = s.lpBound { text += String(format: " (LP relaxation bound %.0f)", lp) }
        return text + "; outputs in \(s.outPath)"
    }
}
