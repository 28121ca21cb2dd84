import ArgumentParser
import BlankSpotCore
import BlankSpotPipeline
import Foundation

/// `blankspot tiles`: plan a tiled run, and follow it.
struct TilesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tiles",
        abstract: "Split a run into tiles for a cluster (Slurm job arrays), and follow the tasks.",
        discussion: """
        tiles plan → one `coverage --plan DIR --tile K` per task (any order, any machine) → \
        mosaic. The mosaic's outputs are byte-identical to `run` with the same options. \
        See tools/slurm/ and the README's "Running on a cluster".
        """,
        subcommands: [TilesPlanCommand.self, TilesStatusCommand.self]
    )
}

struct TilesPlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Read the inputs as `run` does, prepare the terrain and write plan.json with one task per tile that holds towers.",
        discussion: """
        Takes every option of `run`; --out is the plan folder. Prints the number of tasks. \
        Task K is `blankspot coverage --plan DIR --tile K`; then `blankspot mosaic --plan DIR --out RUN`.
        """
    )

    @OptionGroup var coverage: CoverageOptions
    @OptionGroup var villages: VillageOptions

    @Option(name: .customLong("tile-km"), help: "Tile side, km. Each tower is swept in the one tile it stands in; a task reads its tile and its towers' reach around it.")
    var tileKm: Double = 50

    func run() throws {
        try coverage.requireInputs()
        let request = try coverage.request()
        _ = try villages.request(coveragePath: "", outPath: coverage.outPath, overwrite: coverage.overwrite, threads: coverage.threads,
                                 itm: request.signal.itm, demPaths: coverage.demPaths)
        let arguments = Self.runArguments(Array(CommandLine.arguments.dropFirst()))
        let progress = ProgressReporter.forTerminal()
        let plan = try TilePlanJob.run(TilePlanRequest(coverage: request, runArguments: arguments, tileKm: tileKm,
                                                       planPath: coverage.outPath, overwrite: coverage.overwrite),
                                       log: { progress?.done(); Console.warn($0) })
        let cells = plan.tiles.map(\.window.cellCount)
        Console.info("wrote \(coverage.outPath): \(plan.sites.count) towers on \(plan.grid.width)×\(plan.grid.height) cells of \(CSVWriter.number(plan.grid.cellSizeM)) m; tiles of \(plan.tileCells) cells (\(CSVWriter.number(tileKm)) km); windows of \(cells.min() ?? 0)–\(cells.max() ?? 0) cells")
        Console.info("tasks: \(plan.tiles.count) (array indices 0-\(plan.tiles.count - 1))")
        print(plan.tiles.count)
    }

    /// The `run` options of this command line: without the subcommand words, --out,
    /// --overwrite, --threads and --tile-km (a task takes its own --threads).
    static func runArguments(_ all: [String]) -> [String] {
        var args = all
        while let first = args.first, first == "tiles" || first == "plan" { args.removeFirst() }
        var out: [String] = []
        var i = 0
        let withValue: Set<String> = ["--out", "--threads", "--tile-km"]
        while i < args.count {
            let a = args[i]
            let name = a.split(separator: "=", maxSplits: 1).first.map(String.init) ?? a
            if a == "--overwrite" { i += 1; continue }
            if withValue.contains(name) { i += a.contains("=") ? 1 : 2; continue }
            out.append(a)
            i += 1
        }
        return out
    }
}

struct TilesStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "List the tasks of a plan that are done, failed, missing or stale.",
        discussion: "Exit code 0 when every task is done, 1 otherwise. With --indices, prints only the indices still to run, as sbatch --array takes them."
    )

    @Option(name: .customLong("plan"), help: ArgumentHelp("The plan folder (or its plan.json).", valueName: "dir"))
    var planPath: String

    @Flag(help: "Print only the indices not done (\"2,5-7\"), for sbatch --array.")
    var indices = false

    @Flag(help: "Print only the number of tasks (and exit 0).")
    var count = false

    func run() throws {
        let status = try TileStatus.scan(planFolder: TileTaskOptions.folder(of: planPath))
        if count {
            print(status.entries.count)
            return
        }
        if indices {
            print(TileStatus.arraySpec(status.notDone))
        } else {
            var counts: [TileStatus.State: Int] = [:]
            for e in status.entries { counts[e.state, default: 0] += 1 }
            print("tasks \(status.entries.count): done \(counts[.done] ?? 0), failed \(counts[.failed] ?? 0), missing \(counts[.missing] ?? 0), stale \(counts[.stale] ?? 0)")
            for e in status.entries where e.state != .done {
                print("tile \(e.index): \(e.state.rawValue)\(e.detail.isEmpty ? "" : ": " + e.detail)")
            }
            if !status.notDone.isEmpty { print("to run again: --array=\(TileStatus.arraySpec(status.notDone))") }
        }
        if !status.notDone.isEmpty { throw ExitCode.failure }
    }
}

/// `coverage --plan DIR --tile K`: the options of one task.
struct TileTaskOptions: ParsableArguments {
    @Option(name: .customLong("plan"), help: ArgumentHelp("Run one task of this plan (folder or plan.json); the plan holds every other option.", valueName: "dir"))
    var planPath: String?

    @Option(name: .customLong("tile"), help: "The task to run (0-based).")
    var tile: Int?

    @Flag(name: .customLong("tile-from-env"), help: "Take the task from SLURM_ARRAY_TASK_ID, JOB_COMPLETION_INDEX (Kubernetes Indexed Jobs) or AWS_BATCH_JOB_ARRAY_INDEX.")
    var tileFromEnvironment = false

    static let indexVariables = ["SLURM_ARRAY_TASK_ID", "JOB_COMPLETION_INDEX", "AWS_BATCH_JOB_ARRAY_INDEX"]

    /// A plan folder from a folder or its plan.json.
    static func folder(of path: String) -> String {
        (path as NSString).lastPathComponent == TilePlan.fileName ? (path as NSString).deletingLastPathComponent : path
    }

    func index() throws -> Int {
        switch (tile, tileFromEnvironment) {
        case (let k?, false): return k
        case (nil, true):
            let env = ProcessInfo.processInfo.environment
            guard let name = Self.indexVariables.first(where: { env[$0] != nil }), let value = env[name] else {
                throw ValidationError("--tile-from-env: none of \(Self.indexVariables.joined(separator: ", ")) is set")
            }
            guard let k = Int(value.trimmingCharacters(in: .whitespaces)), k >= 0 else {
                throw ValidationError("--tile-from-env: \(name) is '\(value)'; expected a task index (0 or more)")
            }
            return k
        default:
            throw ValidationError("--plan takes one of --tile K and --tile-from-env")
        }
    }

    func run(threads: Int?) throws {
        guard let planPath else { return }
        let folder = Self.folder(of: planPath)
        let k = try index()
        let (plan, _) = try TilePlan.read(folder: folder)
        var request = try PlanArguments.coverage(plan, outPath: "", threads: threads)
        request.commandLine = CommandLine.arguments
        let summary = try TileTask.run(planFolder: folder, index: k, request: request, log: { Console.warn($0) })
        let r = summary.record
        Console.info("wrote \(summary.outPath): tile \(k) of \(plan.tiles.count), \(summary.towers) towers, window \(summary.windowCells) cells; read \(Console.seconds(r.readS)), sweep \(Console.seconds(r.sweepS)), write \(Console.seconds(r.writeS))")
    }
}

/// A plan's recorded `run` options, parsed again, relative paths taken from the folder the
/// plan was made in.
enum PlanArguments {
    static func parse(_ plan: TilePlan, outPath: String, threads: Int?) throws -> (CoverageOptions, VillageOptions) {
        let fm = FileManager.default
        let here = fm.currentDirectoryPath
        guard fm.changeCurrentDirectoryPath(plan.workingDirectory) else {
            throw InputError(file: plan.workingDirectory, message: "the folder the plan was made in cannot be entered; its relative paths are relative to it")
        }
        defer { _ = fm.changeCurrentDirectoryPath(here) }
        var args = plan.runArguments + ["--out", outPath.isEmpty ? "." : outPath]
        if let threads { args += ["--threads", String(threads)] }
        do {
            let parsed = try PlanRunOptions.parse(args)
            return (parsed.coverage, parsed.villages)
        } catch {
            throw InputError(file: TilePlan.fileName, field: "run_arguments", message: PlanRunOptions.message(for: error))
        }
    }

    static func coverage(_ plan: TilePlan, outPath: String, threads: Int?) throws -> CoverageRequest {
        let (c, _) = try parse(plan, outPath: outPath, threads: threads)
        return try inPlanFolder(plan) { try c.request() }
    }

    /// Runs `body` in the folder the plan was made in (the options' relative paths).
    static func inPlanFolder<R>(_ plan: TilePlan, _ body: () throws -> R) throws -> R {
        let fm = FileManager.default
        let here = fm.currentDirectoryPath
        guard fm.changeCurrentDirectoryPath(plan.workingDirectory) else {
            throw InputError(file: plan.workingDirectory, message: "the folder the plan was made in cannot be entered; its relative paths are relative to it")
        }
        defer { _ = fm.changeCurrentDirectoryPath(here) }
        return try body()
    }
}

/// The options `tiles plan` records: those of `run`.
struct PlanRunOptions: ParsableArguments {
    @OptionGroup var coverage: CoverageOptions
    @OptionGroup var villages: VillageOptions
}
