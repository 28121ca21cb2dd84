/// The whole solver: lazy greedy, then 1-swap local search, with the certificate (an upper
/// bound on the optimum) for every K up to the number of sites asked for.
public struct SiteSelectionResult: Sendable {
    /// The chosen candidates in greedy order (see ``GreedyOrder``).
    public var sites: [Int]
    /// f of the chosen sites.
    public var value: Double
    /// f of the greedy sites before the swap search.
    public var greedyValue: Double
    public var greedy: GreedyResult
    public var swap: SwapSearch.Result
    /// Per k = 1…K: f of the first k sites, and the online upper bound on the optimum of k sites.
    public var curveValue: [Double]
    public var curveBound: [Double]

    /// The upper bound on the optimum of K sites.
    public var bound: Double { curveBound.last ?? 0 }
    /// 1 − f / bound: how far, at most, the answer is from the optimum, as a share of it.
    public var gap: Double { bound > 0 ? max(0, 1 - value / bound) : 0 }
}

public enum SiteSelection {
    /// Greedy then swap search; then the same search from each of `seeds` (sets a simple rule
    /// would choose), each made feasible and completed greedily to `k` sites. The best of all
    /// is kept (greedy's on ties), so the answer is never worse than any seed: swaps and
    /// completion only raise f.
    public static func solve(_ problem: SiteSelectionProblem, sites k: Int, threads: Int = 1, seeds: [[Int]] = []) -> SiteSelectionResult {
        let greedy = GreedySelection.lazy(problem, sites: k, threads: threads)
        var swap = SwapSearch.improve(problem, sites: greedy.picks, threads: threads)
        for seed in seeds {
            let start = completed(problem, start: seed, sites: k, threads: threads)
            let seeded = SwapSearch.improve(problem, sites: start, threads: threads)
            if seeded.value > swap.value * (1 + SwapSearch.relativeTolerance) {
                swap = SwapSearch.Result(sites: seeded.sites, value: seeded.value, swaps: swap.swaps + seeded.swaps,
                                         evaluations: swap.evaluations + seeded.evaluations)
            } else {
                swap.evaluations += seeded.evaluations
            }
        }
        let sites = swap.sites
        // The bound for every k ≤ K from every prefix P_i of the final order:
        // OPT_k ≤ f(P_i) + (the k largest gains against P_i), for any set P_i.
        var bound = [Double](repeating: .infinity, count: max(k, 1))
        var values: [Double] = []
        var state = SelectionState(problem)
        for i in 0...sites.count {
            let gains = GreedySelection.allGains(state, threads: threads).enumerated()
                .filter { !state.chosen.contains($0.offset) && $0.element > 0 }.map(\.element).sorted(by: >)
            var sum = state.value
            for j in 0..<k {
                if j < gains.count { sum += gains[j] }
                bound[j] = min(bound[j], sum)
            }
            if i < sites.count {
                state.add(sites[i])
                values.append(state.value)
            }
        }
        // The greedy run's own bounds hold for K.
        if k > 0 { bound[k - 1] = min(bound[k - 1], greedy.bestBound) }
        // A bound below the value found is rounding: the value is then optimal.
        let curveValue = (0..<k).map { $0 < values.count ? values[$0] : (values.last ?? 0) }
        let curveBound = (0..<k).map { max(bound[$0], curveValue[$0]) }
        return SiteSelectionResult(sites: sites, value: values.last ?? 0, greedyValue: greedy.values.last ?? 0, greedy: greedy,
                                   swap: swap, curveValue: curveValue, curveBound: curveBound)
    }

    /// `start`'s candidates in order, each kept when feasible with those kept before, then
    /// the largest positive gain added (ties to the lower index) until `k` sites or none is left.
    static func completed(_ problem: SiteSelectionProblem, start: [Int], sites k: Int, threads: Int) -> [Int] {
        var state = SelectionState(problem)
        for c in start where state.chosen.count < k && c >= 0 && c < problem.candidateCount
            && !state.chosen.contains(c) && problem.feasible(c, with: state.chosen) {
            state.add(c)
        }
        while state.chosen.count < k {
            let gains = GreedySelection.allGains(state, threads: threads)
            var best = -1
            for c in gains.indices where gains[c] > 0 && !state.chosen.contains(c) && problem.feasible(c, with: state.chosen) {
                if best < 0 || gains[c] > gains[best] { best = c }
            }
            guard best >= 0 else { break }
            state.add(best)
        }
        return state.chosen
    }
}
