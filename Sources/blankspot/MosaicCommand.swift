import ArgumentParser
import BlankSpotCore
import BlankSpotPipeline
import Foundation

/// `blankspot mosaic --plan DIR --out RUN`: the last step of a tiled run.
struct MosaicCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mosaic",
        abstract: "Merge the tasks of a tiled run into the outputs `run` writes (byte-identical to a single run).",
        discussion: """
        Checks that every task of the plan is done and belongs to it, and that the inputs have \
        not changed since the plan; then writes the rasters, towers.csv, run.json, the village \
        tables and report.html into --out (created only when complete).
        """
    )

    @Option(name: .customLong("plan"), help: ArgumentHelp("The plan folder (or its plan.json).", valueName: "dir"))
    var planPath: String

    @Option(name: .customLong("out"), help: ArgumentHelp("Output folder (must not exist unless --overwrite).", valueName: "dir"))
    var outPath: String

    @Flag(help: "Replace --out if it exists.")
    var overwrite = false

    @Option(name: .customLong("threads"), help: "Worker threads (default: all cores). Results do not depend on it.")
    var threads: Int?

    func run() throws {
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        let folder = URL(fileURLWithPath: TileTaskOptions.folder(of: planPath), relativeTo: here).standardizedFileURL.path
        let out = URL(fileURLWithPath: outPath, relativeTo: here).standardizedFileURL.path
        let (plan, _) = try TilePlan.read(folder: folder)
        let progress = ProgressReporter.forTerminal()
        let (coverageOptions, villageOptions) = try PlanArguments.parse(plan, outPath: out, threads: threads)
        // The recorded options' relative paths (villages, population) are the plan folder's.
        let (c, v) = try PlanArguments.inPlanFolder(plan) {
            var coverage = try coverageOptions.request()
            coverage.overwrite = overwrite
            coverage.commandLine = CommandLine.arguments
            let signal = try coverageOptions.signalOptions()
            let villages = try villageOptions.request(coveragePath: "", outPath: out, overwrite: overwrite, threads: coverage.threads,
                                                      itm: signal.itm, demPaths: coverageOptions.demPaths)
            return try MosaicJob.run(planFolder: folder, coverage: coverage, villages: villages,
                                     log: { progress?.done(); Console.warn($0) }, progress: progress)
        }
        Console.info(CoverageCommand.report(c))
        Console.info(VillagesCommand.report(v))
        Console.info("outputs in \(c.outPath)")
    }
}
