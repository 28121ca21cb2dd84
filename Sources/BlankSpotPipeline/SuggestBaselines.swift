import BlankSpotCore
import Foundation

/// Simple rules a planner might use instead, evaluated with the same sweeps and objective as
/// the suggestion, at the same number of sites (`baselines.csv`):
/// - the highest cell of each of the K first blank villages of the priority list;
/// - the centroid cell of each of those villages;
/// - K random lattice candidates (feasible together), the mean and the best of 20 draws.
struct SuggestBaselines {
    struct Row {
        var rule: String
        var sites: Int
        var peopleNewlyServed: Double
        var objective: Double
    }

    var rows: [Row] = []

    init(before: [VillageCoverage], inputs: VillageInputs, terrain: TerrainRaster, blankWeight: Double, sites k: Int,
         evaluated: [CandidateLocation], sweeper: CandidateSweeper, minSpacingM: Double, progress: ProgressReporter?) throws {
        guard k > 0 else { return }
        let grid = terrain.grid
        let blank = PriorityList(before, blankWeight: blankWeight).entries.filter { $0.coverage.status == .blank }.prefix(k)
        let lists = VillageAggregation.cellLists(villageCount: inputs.villages.count, cells: inputs.cells)
        var highest: [CandidateLocation] = [], centroid: [CandidateLocation] = []
        func location(_ id: String, cell: Int) -> CandidateLocation {
            let col = cell % grid.width, row = cell / grid.width
            return CandidateLocation(id: id, col: col, row: row, xM: grid.centreXM(col: col), yM: grid.centreYM(row: row),
                                     groundM: Double(terrain.heightsM[cell]), latticeI: -1, latticeJ: -1)
        }
        for e in blank {
            let v = e.coverage.village
            let cells = lists[v.index].filter { !terrain.heightsM[$0].isNaN }
            guard let top = cells.max(by: { terrain.heightsM[$0] < terrain.heightsM[$1] || (terrain.heightsM[$0] == terrain.heightsM[$1] && $0 > $1) })
            else { continue }
            highest.append(location("highest point of \(v.id)", cell: top))
            if let c = grid.cell(containingXM: v.centroidXM, yM: v.centroidYM), !terrain.heightM(col: c.col, row: c.row).isNaN {
                centroid.append(location("centroid of \(v.id)", cell: c.row * grid.width + c.col))
            }
        }
        let all = evaluated + highest + centroid
        try sweeper.sweep(highest + centroid, progress: progress)
        let problem = sweeper.problem(all, minSpacingM: minSpacingM)
        // The tallest offered height at each rule's locations.
        let tallest = sweeper.templates.indices.max { sweeper.templates[$0].heightM < sweeper.templates[$1].heightM }!
        let heights = sweeper.templates.count
        func evaluate(_ candidates: [Int]) -> (people: Double, objective: Double) {
            var state = SelectionState(problem)
            for c in candidates { state.add(c) }
            return (state.peopleNewlyServed, state.value)
        }
        let highestCandidates = (0..<highest.count).map { (evaluated.count + $0) * heights + tallest }
        let centroidCandidates = (0..<centroid.count).map { (evaluated.count + highest.count + $0) * heights + tallest }
        let h = evaluate(highestCandidates), c = evaluate(centroidCandidates)
        rows.append(Row(rule: "highest point of each of the first \(highest.count) blank villages of the priority list", sites: highest.count,
                        peopleNewlyServed: h.people, objective: h.objective))
        rows.append(Row(rule: "centroid of each of the first \(centroid.count) blank villages of the priority list", sites: centroid.count,
                        peopleNewlyServed: c.people, objective: c.objective))
        // Random feasible draws among the lattice candidates (seeded: the same every run).
        var rng = SplitMix64(seed: 20_261_204)
        var draws: [(people: Double, objective: Double)] = []
        let pool = evaluated.count * heights
        for _ in 0..<20 where pool > 0 {
            var chosen: [Int] = []
            var tries = 0
            while chosen.count < k && tries < 100 * k {
                tries += 1
                let c = Int(rng.next() % UInt64(pool))
                if !chosen.contains(c) && problem.feasible(c, with: chosen) { chosen.append(c) }
            }
            draws.append(evaluate(chosen))
        }
        if !draws.isEmpty {
            let mean = (people: draws.map(\.people).reduce(0, +) / Double(draws.count), objective: draws.map(\.objective).reduce(0, +) / Double(draws.count))
            let best = draws.max { $0.objective < $1.objective }!
            rows.append(Row(rule: "random lattice candidates, mean of 20 draws", sites: k, peopleNewlyServed: mean.people, objective: mean.objective))
            rows.append(Row(rule: "random lattice candidates, best of 20 draws", sites: k, peopleNewlyServed: best.people, objective: best.objective))
        }
    }

    func csv(suggestion: (people: Double, objective: Double, sites: Int)) -> String {
        var text = CSVWriter.line(["rule", "sites", "people_newly_served", "objective", "objective_percent_of_suggestion"])
        text += CSVWriter.line(["suggestion (lazy greedy + swap)", String(suggestion.sites), CSVWriter.number(suggestion.people, decimals: 1),
                                CSVWriter.number(suggestion.objective, decimals: 1), "100"])
        for r in rows {
            text += CSVWriter.line([r.rule, String(r.sites), CSVWriter.number(r.peopleNewlyServed, decimals: 1), CSVWriter.number(r.objective, decimals: 1),
                                    suggestion.objective > 0 ? CSVWriter.number(100 * r.objective / suggestion.objective, decimals: 1) : ""])
        }
        return text
    }
}
