/// A set of chosen sites with what it covers, updated one site at a time, and the marginal
/// value of any candidate against it.
///
/// Every sum runs in a fixed order (a candidate's elements ascending, hence village by
/// village), so the same sequence of additions and removals gives the same bits on any
/// thread count.
public struct SelectionState: Sendable {
    public let problem: SiteSelectionProblem
    /// Per element: how many chosen sites cover it.
    private(set) var coverCount: [Int32]
    /// Per village: people newly served by the chosen sites (uncapped).
    public private(set) var newlyPeople: [Double]
    /// The chosen candidates, in the order they were added.
    public private(set) var chosen: [Int] = []

    public init(_ problem: SiteSelectionProblem) {
        self.problem = problem
        coverCount = [Int32](repeating: 0, count: problem.elementPeople.count)
        newlyPeople = [Double](repeating: 0, count: problem.villageCount)
    }

    /// f(S) of the chosen set.
    public var value: Double {
        var f = 0.0
        for v in 0..<problem.villageCount where newlyPeople[v] > 0 {
            f += problem.villageWeight[v] * min(problem.villageCap[v], newlyPeople[v])
        }
        return f
    }

    /// People newly served by the chosen set, uncapped and unweighted.
    public var peopleNewlyServed: Double { newlyPeople.reduce(0, +) }

    /// f(S ∪ {c}) − f(S).
    public func gain(_ c: Int) -> Double {
        let elements = problem.candidateElements[c]
        var gain = 0.0
        var k = 0
        while k < elements.count {
            let v = Int(problem.elementVillage[Int(elements[k])])
            var add = 0.0
            while k < elements.count, Int(problem.elementVillage[Int(elements[k])]) == v {
                let e = Int(elements[k])
                if coverCount[e] == 0 { add += problem.elementPeople[e] }
                k += 1
            }
            if add > 0 {
                let cap = problem.villageCap[v], before = newlyPeople[v]
                gain += problem.villageWeight[v] * (min(cap, before + add) - min(cap, before))
            }
        }
        return gain
    }

    /// People (uncapped, unweighted) that `c` would newly serve.
    public func peopleGain(_ c: Int) -> Double {
        var add = 0.0
        for e in problem.candidateElements[c] where coverCount[Int(e)] == 0 { add += problem.elementPeople[Int(e)] }
        return add
    }

    public mutating func add(_ c: Int) {
        update(c, by: 1)
        chosen.append(c)
    }

    public mutating func remove(_ c: Int) {
        guard let at = chosen.firstIndex(of: c) else { preconditionFailure("site \(c) is not chosen") }
        chosen.remove(at: at)
        update(c, by: -1)
    }

    /// Adds (+1) or removes (−1) one site's cover, village by village.
    private mutating func update(_ c: Int, by step: Int32) {
        let elements = problem.candidateElements[c]
        var k = 0
        while k < elements.count {
            let v = Int(problem.elementVillage[Int(elements[k])])
            var change = 0.0
            while k < elements.count, Int(problem.elementVillage[Int(elements[k])]) == v {
                let e = Int(elements[k])
                if step > 0 {
                    if coverCount[e] == 0 { change += problem.elementPeople[e] }
                } else if coverCount[e] == 1 {
                    change += problem.elementPeople[e]
                }
                coverCount[e] += step
                k += 1
            }
            if change > 0 { newlyPeople[v] = step > 0 ? newlyPeople[v] + change : max(0, newlyPeople[v] - change) }
        }
    }

    /// Whether element `e` is covered by a chosen site.
    public func isCovered(_ e: Int) -> Bool { coverCount[e] > 0 }
}
