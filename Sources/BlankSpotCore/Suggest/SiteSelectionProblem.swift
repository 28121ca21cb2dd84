/// Where K new sites should go: a weighted maximum-coverage problem with a cap per village.
///
/// The demand is made of *elements*: the people of one village in one grid cell that no tower
/// serves today. A candidate site covers the elements of the cells it would serve. The value
/// of a set S of sites is
///
///     f(S) = Σ_v  weight_v · min(cap_v, newly_v(S)),   newly_v(S) = Σ_{e ∈ v covered by S} people_e
///
/// where cap_v is what village v still lacks to be rated covered (θ·population − served today,
/// θ = the covered share) and weight_v the blank-village weight of the priority list. A
/// non-negative sum of concave functions (min with a constant) of a coverage function is
/// monotone and submodular, so greedy selection is within (1 − 1/e) of the optimum (Nemhauser,
/// Wolsey & Fisher 1978, "An analysis of approximations for maximizing submodular set
/// functions", Math. Programming 14) and every partial greedy solution yields an upper bound on
/// the optimum (Minoux 1978; Leskovec et al. 2007, KDD, §3: the "online bound").
///
/// Constraints: at most one candidate per location (a location offers several tower heights),
/// and chosen sites at least `minSpacingM` apart. They only shrink the feasible sets, so the
/// unconstrained bound still bounds the constrained optimum.
public struct SiteSelectionProblem: Sendable {
    /// Per element: its village (index into the village arrays). Elements are ordered by
    /// village, so each candidate's ascending element list runs village by village.
    public let elementVillage: [Int32]
    /// Per element: people (or another weight) newly served when it is covered.
    public let elementPeople: [Double]
    /// Per village: the most that counts as newly served (≥ 0).
    public let villageCap: [Double]
    /// Per village: the weight of its capped newly served people.
    public let villageWeight: [Double]
    /// Per candidate: the elements it covers, ascending.
    public let candidateElements: [[Int32]]
    /// Per candidate: its location (candidates at one location exclude each other).
    public let candidateLocation: [Int]
    /// Per location: position in the analysis CRS, m.
    public let locationXM: [Double]
    public let locationYM: [Double]
    /// Chosen sites must be at least this far apart, m (0: only one per location).
    public let minSpacingM: Double

    public init(elementVillage: [Int32], elementPeople: [Double], villageCap: [Double], villageWeight: [Double],
                candidateElements: [[Int32]], candidateLocation: [Int], locationXM: [Double], locationYM: [Double],
                minSpacingM: Double) {
        precondition(elementVillage.count == elementPeople.count && villageCap.count == villageWeight.count)
        precondition(candidateElements.count == candidateLocation.count && locationXM.count == locationYM.count)
        precondition(zip(elementVillage, elementVillage.dropFirst()).allSatisfy { $0 <= $1 }, "elements ordered by village")
        self.elementVillage = elementVillage
        self.elementPeople = elementPeople
        self.villageCap = villageCap
        self.villageWeight = villageWeight
        self.candidateElements = candidateElements
        self.candidateLocation = candidateLocation
        self.locationXM = locationXM
        self.locationYM = locationYM
        self.minSpacingM = minSpacingM
    }

    public var candidateCount: Int { candidateElements.count }
    public var villageCount: Int { villageCap.count }

    /// Whether candidates `a` and `b` may both be chosen.
    @inline(__always)
    public func compatible(_ a: Int, _ b: Int) -> Bool {
        let la = candidateLocation[a], lb = candidateLocation[b]
        if la == lb { return false }
        guard minSpacingM > 0 else { return true }
        let dx = locationXM[la] - locationXM[lb], dy = locationYM[la] - locationYM[lb]
        return dx * dx + dy * dy >= minSpacingM * minSpacingM
    }

    /// Whether `c` may join `chosen`.
    public func feasible(_ c: Int, with chosen: [Int]) -> Bool {
        chosen.allSatisfy { compatible(c, $0) }
    }

    /// f(S) from scratch (the reference for tests and for checking the incremental state).
    public func value(of sites: [Int]) -> Double {
        var covered = [Bool](repeating: false, count: elementPeople.count)
        for s in sites { for e in candidateElements[s] { covered[Int(e)] = true } }
        var newly = [Double](repeating: 0, count: villageCount)
        for e in covered.indices where covered[e] { newly[Int(elementVillage[e])] += elementPeople[e] }
        var f = 0.0
        for v in 0..<villageCount { f += villageWeight[v] * min(villageCap[v], newly[v]) }
        return f
    }
}
