/// 1-swap local search after greedy: replace one chosen site by one candidate whenever that
/// raises f, best improvement first, until no swap does (or `maxRounds` swaps were made).
///
/// Each round tries every (chosen site, candidate) pair: with the site removed, every
/// candidate's gain is computed in parallel into its own slot, and the best pair is found in a
/// fixed order (larger improvement, then earlier chosen site, then lower candidate index), so
/// the result does not depend on the thread count.
public enum SwapSearch {
    public struct Result: Sendable, Equatable {
        /// The chosen candidates, in the greedy order of their marginal gains (see
        /// ``GreedyOrder``).
        public var sites: [Int]
        public var value: Double
        /// Swaps made.
        public var swaps: Int
        /// (site, candidate) pairs evaluated.
        public var evaluations: Int
    }

    /// An improvement must exceed this share of f to count: sums of people re-added in another
    /// order differ in the last bits, and such noise must not make the search cycle.
    static let relativeTolerance = 1e-9

    public static func improve(_ problem: SiteSelectionProblem, sites start: [Int], threads: Int = 1, maxRounds: Int = 1000) -> Result {
        var sites = start
        var swaps = 0, evaluations = 0
        var current = problem.value(of: sites)
        for _ in 0..<maxRounds {
            var best: (delta: Double, position: Int, candidate: Int)?
            let threshold = max(current * relativeTolerance, 1e-12)
            for position in sites.indices {
                var others = sites
                others.remove(at: position)
                var state = SelectionState(problem)
                for s in others { state.add(s) }
                let base = state.value
                let loss = current - base
                let inSet = Set(sites)
                var gains = [Double](repeating: -.infinity, count: problem.candidateCount)
                gains.withUnsafeMutableBufferPointer { slots in
                    ParallelLoop.run(count: slots.count, threads: threads) { c, _ in
                        if !inSet.contains(c) && problem.feasible(c, with: others) { slots[c] = state.gain(c) }
                    }
                }
                evaluations += problem.candidateCount
                for c in 0..<problem.candidateCount where gains[c] > -.infinity {
                    let delta = gains[c] - loss
                    if delta > threshold && (best == nil || delta > best!.delta) { best = (delta, position, c) }
                }
            }
            guard let swap = best else { break }
            sites[swap.position] = swap.candidate
            current = problem.value(of: sites)
            swaps += 1
        }
        let ordered = GreedyOrder.of(problem, sites: sites)
        return Result(sites: ordered, value: problem.value(of: ordered), swaps: swaps, evaluations: evaluations)
    }
}

/// The chosen sites in greedy order: first the one with the largest value alone, then the one
/// adding most to it, and so on (ties to the lower candidate index), so that each site's
/// marginal gain in `sites.csv` and the curve K = 1, 2, … read as a greedy sequence.
public enum GreedyOrder {
    public static func of(_ problem: SiteSelectionProblem, sites: [Int]) -> [Int] {
        var state = SelectionState(problem)
        var left = sites.sorted()
        while !left.isEmpty {
            var best = 0
            var bestGain = state.gain(left[0])
            for (k, c) in left.enumerated().dropFirst() {
                let g = state.gain(c)
                if g > bestGain { best = k; bestGain = g }
            }
            state.add(left.remove(at: best))
        }
        return state.chosen
    }
}
