/// Greedy site selection: plain (every candidate's gain recomputed at every step) and lazy
/// (CELF: Leskovec et al. 2007, "Cost-effective outbreak detection in networks", KDD, §4.1),
/// which picks exactly the same sites with far fewer evaluations.
///
/// Ties go to the lower candidate index, in both. A candidate that conflicts with a chosen site
/// (same location, or closer than the minimum spacing) is never picked.
public struct GreedyResult: Sendable, Equatable {
    /// Chosen candidates in the order picked.
    public var picks: [Int]
    /// f after each pick (weighted, capped).
    public var values: [Double]
    /// The online upper bound on the optimum of K sites computed before each pick and after
    /// the last: f(S_i) + the K largest upper bounds on marginal gains (fresh gains for plain
    /// greedy, the lazy queue's stale ones for CELF; both are valid by submodularity).
    public var bounds: [Double]
    /// Gain evaluations made.
    public var evaluations: Int

    /// The least of the bounds.
    public var bestBound: Double { bounds.min() ?? 0 }
}

public enum GreedySelection {
    /// Plain greedy: at each step every feasible candidate's gain, the largest picked.
    public static func plain(_ problem: SiteSelectionProblem, sites k: Int, threads: Int = 1) -> GreedyResult {
        var state = SelectionState(problem)
        var result = GreedyResult(picks: [], values: [], bounds: [], evaluations: 0)
        let m = problem.candidateCount
        while true {
            let gains = allGains(state, threads: threads)
            result.evaluations += m
            result.bounds.append(state.value + sumOfLargest(gains, excluding: Set(state.chosen), count: k))
            guard state.chosen.count < k else { break }
            var best = -1
            for c in 0..<m where !state.chosen.contains(c) && problem.feasible(c, with: state.chosen) && gains[c] > 0 {
                if best < 0 || gains[c] > gains[best] { best = c }
            }
            guard best >= 0 else { break }
            state.add(best)
            result.picks.append(best)
            result.values.append(state.value)
        }
        return result
    }

    /// Lazy greedy (CELF): gains kept in a max-queue as upper bounds, recomputed only when a
    /// stale one comes to the top.
    public static func lazy(_ problem: SiteSelectionProblem, sites k: Int, threads: Int = 1) -> GreedyResult {
        var state = SelectionState(problem)
        let m = problem.candidateCount
        var upper = allGains(state, threads: threads)
        var result = GreedyResult(picks: [], values: [], bounds: [], evaluations: m)
        // freshAt[c]: the number of picks when upper[c] was computed.
        var freshAt = [Int](repeating: 0, count: m)
        var queue = GainQueue()
        for c in 0..<m where upper[c] > 0 { queue.push(gain: upper[c], candidate: c) }
        result.bounds.append(sumOfLargest(upper, excluding: [], count: k))
        while state.chosen.count < k, let top = queue.pop() {
            let c = top.candidate
            // Conflicts only grow: an infeasible candidate leaves the queue for good.
            guard problem.feasible(c, with: state.chosen) else { continue }
            if freshAt[c] == state.chosen.count {
                state.add(c)
                result.picks.append(c)
                result.values.append(state.value)
                upper[c] = 0
                let excluded = Set(state.chosen)
                result.bounds.append(state.value + sumOfLargest(upper, excluding: excluded, count: k))
                continue
            }
            upper[c] = state.gain(c)
            freshAt[c] = state.chosen.count
            result.evaluations += 1
            if upper[c] > 0 { queue.push(gain: upper[c], candidate: c) }
        }
        return result
    }

    /// Every candidate's gain against `state` (0 for chosen ones), in parallel: one slot per
    /// candidate, each computed alone, so the values do not depend on `threads`.
    public static func allGains(_ state: SelectionState, threads: Int) -> [Double] {
        var gains = [Double](repeating: 0, count: state.problem.candidateCount)
        let chosen = Set(state.chosen)
        gains.withUnsafeMutableBufferPointer { slots in
            ParallelLoop.run(count: slots.count, threads: threads) { c, _ in
                slots[c] = chosen.contains(c) ? 0 : state.gain(c)
            }
        }
        return gains
    }

    /// The sum of the `count` largest values outside `excluding`, summed largest first.
    static func sumOfLargest(_ values: [Double], excluding: Set<Int>, count: Int) -> Double {
        var kept: [Double] = []
        kept.reserveCapacity(values.count)
        for (c, v) in values.enumerated() where v > 0 && !excluding.contains(c) { kept.append(v) }
        kept.sort(by: >)
        return kept.prefix(count).reduce(0, +)
    }
}

/// A binary max-heap of (gain, candidate), the larger gain first and, on equal gains, the lower
/// candidate index: the same order as plain greedy's tie-break.
struct GainQueue {
    private var items: [(gain: Double, candidate: Int)] = []

    private static func before(_ a: (gain: Double, candidate: Int), _ b: (gain: Double, candidate: Int)) -> Bool {
        a.gain > b.gain || (a.gain == b.gain && a.candidate < b.candidate)
    }

    mutating func push(gain: Double, candidate: Int) {
        items.append((gain, candidate))
        var i = items.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            guard Self.before(items[i], items[parent]) else { break }
            items.swapAt(i, parent)
            i = parent
        }
    }

    mutating func pop() -> (gain: Double, candidate: Int)? {
        guard !items.isEmpty else { return nil }
        let top = items[0]
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var i = 0
            while true {
                let l = 2 * i + 1, r = l + 1
                var best = i
                if l < items.count && Self.before(items[l], items[best]) { best = l }
                if r < items.count && Self.before(items[r], items[best]) { best = r }
                if best == i { break }
                items.swapAt(i, best)
                i = best
            }
        }
        return top
    }
}
