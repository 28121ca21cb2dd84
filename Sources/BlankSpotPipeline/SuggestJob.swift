import BlankSpotCore
import BlankSpotGDAL
import BlankSpotLP
import Foundation

/// What a finished `suggest` reports back.
public struct SuggestSummary: Sendable {
    public var outPath: String
    /// Candidate locations considered, and candidate sweeps made (locations × heights).
    public var candidateLocations: Int
    public var sweeps: Int
    public var sites: Int
    public var peopleNewlyServed: Double
    public var villagesLifted: Int
    /// The objective (weighted, capped people), its upper bound and the gap 1 − value/bound.
    public var value: Double
    public var bound: Double
    public var gap: Double
    public var lpBound: Double?
    public var timingsS: [String: Double]
}

/// `blankspot suggest`: where K new towers would bring service to the most people without it.
///
/// Candidates are swept exactly as a new tower of the coverage run would be (same model,
/// clutter, reach rule and thresholds), their served cells turned into people per village,
/// and the sites chosen by lazy greedy and 1-swap search (``SiteSelection``). When the
/// candidate lattice is larger than `--max-sweeps`, a coarser lattice is solved first and the
/// full lattice is then searched around each chosen site, halving the step down to the lattice's.
public enum SuggestJob {
    public static func run(_ request: SuggestRequest, log: (String) -> Void, progress: ProgressReporter? = nil) throws -> SuggestSummary {
        try request.check()
        let output = try StagedOutputFolder(destination: request.outPath, overwrite: request.overwrite)
        do {
            var summary = try write(request, coverageFolder: request.coveragePath, folder: output.staging.path, log: log, progress: progress)
            try output.commit()
            summary.outPath = output.destination.path
            return summary
        } catch {
            output.discard()
            throw error
        }
    }

    /// Does the work, writing into `folder` (which the caller commits).
    static func write(_ request: SuggestRequest, coverageFolder: String, folder: String, log: (String) -> Void,
                      progress: ProgressReporter?) throws -> SuggestSummary {
        try request.check()
        let started = utcTimestamp()
        let clock = ContinuousClock()
        var t0 = clock.now
        var timings: [String: Double] = [:]
        func lap(_ name: String) {
            let d = clock.now - t0
            timings[name, default: 0] += Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
            t0 = clock.now
        }
        progress?.stage("reading the coverage, villages and terrain")
        let coverage = try CoverageFolder(path: coverageFolder)
        let inputs = try VillageInputs(request.villages, coverage: coverage, log: { _ in })
        let rules = request.villages.rules
        let grid = coverage.layers.grid
        let before = VillageAggregation.aggregate(villages: inputs.villages, cells: inputs.cells, coverage: coverage.layers,
                                                  populationPerCell: inputs.populationPerCell, towers: [], rules: rules)
        let demand = SuggestDemand(before: before, inputs: inputs, layers: coverage.layers, coveredShare: rules.coveredPercent / 100,
                                   blankWeight: request.villages.blankWeight)
        let terrain = try SuggestTerrain.load(request.coverage, matching: grid, coverageFolder: coverageFolder, threads: request.threads)
        lap("read")

        let existing = coverage.towers.filter { $0.used && $0.xM.isFinite && $0.yM.isFinite }
        var excluded: [UInt8]?
        for path in request.excludePaths {
            let mask = try VectorTools.polygonMask(path: path, grid: grid)
            let m = mask.withUnsafeBufferPointer { Array($0) }
            excluded = excluded.map { zip($0, m).map { $0 | $1 } } ?? m
        }
        let candidateRules = CandidateRules(terrain: terrain, villageOwner: inputs.cells.owner, excluded: excluded,
                                            existingXM: existing.map(\.xM), existingYM: existing.map(\.yM), minSpacingM: request.minSpacingKm * 1000)
        let templates = try request.heightsM.map { try SiteTemplate.tower(from: request.templatePath, heightM: $0) }
        let sweeper = CandidateSweeper(request: request, terrain: terrain, demand: demand, templates: templates,
                                       firstIndex: coverage.towers.count, crs: coverage.crs)

        // The candidate locations: offered parcels, or the lattice (coarse first when large).
        let all: [CandidateLocation]
        if let path = request.candidatesPath {
            all = try SuggestCandidates.offered(path: path, crs: coverage.crs, rules: candidateRules, warn: log)
        } else {
            all = SuggestCandidates.lattice(gridM: request.gridM, rules: candidateRules)
            guard !all.isEmpty else {
                throw InputError(file: request.villages.villagesPath, message: "no candidate location: no lattice point \(CSVWriter.number(request.gridM)) m apart lies on land inside a village, outside the exclusions and --min-spacing-km from the existing towers")
            }
        }
        let heights = templates.count
        var step = 1
        if request.candidatesPath == nil && all.count * heights > request.maxSweeps {
            step = Int((Double(all.count * heights) / Double(request.maxSweeps)).squareRoot().rounded(.up))
        }
        // On the lattice, the village rules' sites (the highest permitted point and the centroid
        // of each of the first K blank villages) are candidates too, and seed the solver: the
        // answer is then never worse than those rules, however coarse the first pass.
        let ruleSites = request.candidatesPath == nil
            ? SuggestBaselines.ruleSites(before: before, inputs: inputs, rules: candidateRules, blankWeight: request.villages.blankWeight, count: request.sites)
            : SuggestBaselines.RuleSites()
        let seeds = SuggestBaselines.seeds(ruleSites, offset: 0, templates: templates)
        var evaluated = ruleSites.all + SuggestCandidates.thinned(all, step: step)
        log("suggest: \(all.count) candidate locations\(ruleSites.all.isEmpty ? "" : " (and \(ruleSites.all.count) village high points and centroids)") × \(heights) height\(heights == 1 ? "" : "s")"
            + (step > 1 ? "; first pass on a lattice \(step) times coarser (\(evaluated.count) locations, --max-sweeps \(request.maxSweeps)), then refined around the chosen sites" : ""))
        progress?.stage("sweeping \(evaluated.count * heights) candidates")
        try sweeper.sweep(evaluated, progress: progress, log: log)
        lap("sweep")
        var problem = sweeper.problem(evaluated, minSpacingM: request.minSpacingKm * 1000)
        var result = SiteSelection.solve(problem, sites: request.sites, threads: request.threads, seeds: seeds)
        lap("solve")
        // Refine around the chosen sites on the full lattice: ±r lattice steps, r halving to 1.
        var radius = step / 2
        while radius >= 1 {
            let chosenLocations = result.sites.map { evaluated[sweeper.locationOf(candidate: $0)] }.filter { $0.latticeI >= 0 }
            var added = Set(evaluated.map { $0.latticeI * 1_000_003 + $0.latticeJ })
            for centre in chosenLocations {
                for c in SuggestCandidates.around(centre, in: all, halfWidth: radius, step: radius)
                where !added.contains(c.latticeI * 1_000_003 + c.latticeJ) {
                    added.insert(c.latticeI * 1_000_003 + c.latticeJ)
                    evaluated.append(c)
                }
            }
            progress?.stage("refining around \(chosenLocations.count) sites (±\(radius) lattice steps)")
            try sweeper.sweep(evaluated, progress: progress, log: log)
            lap("sweep")
            problem = sweeper.problem(evaluated, minSpacingM: request.minSpacingKm * 1000)
            result = SiteSelection.solve(problem, sites: request.sites, threads: request.threads, seeds: seeds)
            lap("solve")
            radius /= 2
        }
        progress?.stage("bounding the optimum (LP relaxation)")
        let lp = LinearRelaxationBound.bound(problem, sites: request.sites, reason: log)?.bound
        lap("bound")

        progress?.stage("writing")
        var chosen = result.sites
        if let target = request.targetServedPercent {
            chosen = SuggestTarget.truncate(chosen, problem: problem, demand: demand, targetPercent: target, log: log)
        }
        progress?.stage("evaluating simple rules at the same number of sites")
        let baselineSites = chosen.count == request.sites ? ruleSites
            : SuggestBaselines.ruleSites(before: before, inputs: inputs, rules: candidateRules, blankWeight: request.villages.blankWeight, count: chosen.count)
        let baselines = try SuggestBaselines(rules: baselineSites, sites: chosen.count, evaluated: evaluated, firstRandom: ruleSites.all.count,
                                             randomLabel: request.candidatesPath == nil ? "lattice candidates" : "offered candidates",
                                             sweeper: sweeper, minSpacingM: request.minSpacingKm * 1000, progress: progress)
        lap("baselines")
        let report = SuggestReport(request: request, coverage: coverage, inputs: inputs, before: before, demand: demand, problem: problem,
                                   result: result, chosen: chosen, evaluated: evaluated, sweeper: sweeper, terrain: terrain, lpBound: lp,
                                   baselines: baselines)
        try report.write(folder: folder, started: started, timings: timings, log: log)
        lap("write")
        progress?.done()
        return SuggestSummary(outPath: folder, candidateLocations: all.count, sweeps: sweeper.sweeps, sites: chosen.count,
                              peopleNewlyServed: report.peopleNewlyServed, villagesLifted: report.villagesLifted, value: report.objective,
                              bound: report.bound, gap: report.gap, lpBound: lp, timingsS: timings)
    }
}

extension SuggestJob {
    /// run.json's `coverage_arguments` of a coverage folder.
    /// - Throws: ``InputError`` when the folder has none (made by an older blankspot).
    public static func coverageArguments(folder: String) throws -> [String] {
        let coverage = try CoverageFolder(path: folder)
        guard let arguments = coverage.coverageArguments else {
            throw InputError(file: (folder as NSString).appendingPathComponent("run.json"),
                             message: "has no coverage_arguments; expected a coverage folder written by this version of blankspot (run `coverage` or `run` again)")
        }
        return arguments
    }
}

/// The terrain the coverage run swept, loaded again from its inputs, on exactly its grid.
enum SuggestTerrain {
    static func load(_ coverage: CoverageRequest, matching grid: GridGeometry, coverageFolder: String, threads: Int) throws -> TerrainRaster {
        var reading = coverage.towerReading
        if !coverage.model.usesClutter { reading.clutter = .none }
        let scenario = try ScenarioLoader.load(
            towersPath: coverage.towersPath, demPaths: coverage.demPaths, crs: coverage.crs, resolutionM: coverage.resolutionM,
            marginM: coverage.settings.outermostRadiusM + 500, threads: threads, towerReading: reading, warn: { _ in })
        let g = scenario.terrain.grid
        let same = g.width == grid.width && g.height == grid.height && abs(g.originXM - grid.originXM) < 1e-3
            && abs(g.originYM - grid.originYM) < 1e-3 && abs(g.cellSizeM - grid.cellSizeM) < 1e-6
        guard same else {
            throw InputError(file: coverageFolder, message: "its inputs now give another grid (\(g.width)×\(g.height) cells of \(CSVWriter.number(g.cellSizeM)) m from (\(CSVWriter.number(g.originXM)), \(CSVWriter.number(g.originYM))), the folder's is \(grid.width)×\(grid.height) of \(CSVWriter.number(grid.cellSizeM)) m from (\(CSVWriter.number(grid.originXM)), \(CSVWriter.number(grid.originYM)))); expected the DEMs and towers the coverage was computed from")
        }
        return scenario.terrain
    }
}

/// `--target-served-percent`: the fewest of the chosen sites (in greedy order) that bring the
/// served share of the villages' people to the target.
enum SuggestTarget {
    static func truncate(_ sites: [Int], problem: SiteSelectionProblem, demand: SuggestDemand, targetPercent: Double,
                         log: (String) -> Void) -> [Int] {
        let people = demand.villagePeople.reduce(0, +)
        var served = demand.villageServed.reduce(0, +)
        guard people > 0 else { return sites }
        var state = SelectionState(problem)
        if 100 * served / people >= targetPercent {
            log("suggest: \(CSVWriter.number(100 * served / people, decimals: 1)) % of the people are served today, at or above --target-served-percent \(CSVWriter.number(targetPercent)): no site needed")
            return []
        }
        for (k, s) in sites.enumerated() {
            served += state.peopleGain(s)
            state.add(s)
            if 100 * served / people >= targetPercent { return Array(sites.prefix(k + 1)) }
        }
        log("suggest: the \(sites.count) sites bring the served share to \(CSVWriter.number(100 * served / people, decimals: 1)) %, below --target-served-percent \(CSVWriter.number(targetPercent)): more sites (--sites) are needed")
        return sites
    }
}
