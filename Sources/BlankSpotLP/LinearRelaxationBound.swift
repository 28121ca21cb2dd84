import BlankSpotCore
import CGLPK

/// An upper bound on the optimum of a ``SiteSelectionProblem`` from its linear programming
/// relaxation, solved with GLPK's simplex method (GLPK 5.0 reference manual, §2.8 glp_simplex).
///
/// With x_c ∈ [0, 1] per candidate, y_g ∈ [0, 1] per group g of elements (the elements of one
/// village covered by exactly the same candidates, people W_g) and z_v per village:
///
///     maximise Σ_v weight_v · z_v
///     subject to Σ_c x_c ≤ K;  Σ_{c at one location} x_c ≤ 1;
///                y_g ≤ Σ_{c covers g} x_c;  z_v ≤ Σ_{g in v} W_g · y_g;  0 ≤ z_v ≤ cap_v.
///
/// Any feasible set of K sites gives a feasible point of the LP with the same objective, so
/// the LP optimum bounds the optimum of the integer problem (and, since the spacing rule only
/// removes sets, of the constrained one). It is often much tighter than greedy's online bound
/// when villages' caps bind, and weaker when coverage overlaps little.
public enum LinearRelaxationBound {
    public struct Result: Sendable {
        /// The bound: the simplex optimum raised by 10⁻⁶ of itself, above GLPK's relative
        /// feasibility and optimality tolerances (10⁻⁷), so that rounding cannot make it too low.
        public var bound: Double
        public var groups: Int
        public var nonzeros: Int
    }

    /// Instances with more matrix entries than this are not attempted: the simplex time grows
    /// faster than linearly, and greedy's online bound is always there.
    public static let defaultMaxNonzeros = 3_000_000

    /// The bound, or nil when the instance has more than `maxNonzeros` entries or GLPK does
    /// not reach an optimum (`reason` then says why).
    public static func bound(_ p: SiteSelectionProblem, sites k: Int, maxNonzeros: Int = defaultMaxNonzeros,
                             reason: (String) -> Void = { _ in }) -> Result? {
        let m = p.candidateCount
        // Coverers of every element, in candidate order, for the elements whose village counts.
        var coverCount = [Int32](repeating: 0, count: p.elementPeople.count)
        var entries = 0
        for list in p.candidateElements {
            for e in list where p.villageCap[Int(p.elementVillage[Int(e)])] > 0 && p.villageWeight[Int(p.elementVillage[Int(e)])] > 0 {
                coverCount[Int(e)] += 1
                entries += 1
            }
        }
        guard entries <= maxNonzeros else {
            reason("the LP relaxation was not solved: \(entries) candidate–cell pairs, above \(maxNonzeros)")
            return nil
        }
        var start = [Int](repeating: 0, count: coverCount.count + 1)
        for e in coverCount.indices { start[e + 1] = start[e] + Int(coverCount[e]) }
        var coverers = [Int32](repeating: 0, count: entries)
        var fill = start
        for (c, list) in p.candidateElements.enumerated() {
            for e in list where coverCount[Int(e)] > 0 {
                coverers[fill[Int(e)]] = Int32(c)
                fill[Int(e)] += 1
            }
        }
        // Groups: elements of one village with the same coverers, in order of first element.
        struct Key: Hashable { let village: Int32; let coverers: ArraySlice<Int32> }
        var groupOf: [Key: Int] = [:]
        var groupVillage: [Int32] = [], groupPeople: [Double] = [], groupFirst: [Int] = []
        for e in coverCount.indices where coverCount[e] > 0 {
            let key = Key(village: p.elementVillage[e], coverers: coverers[start[e]..<start[e + 1]])
            if let g = groupOf[key] {
                groupPeople[g] += p.elementPeople[e]
            } else {
                groupOf[key] = groupVillage.count
                groupVillage.append(p.elementVillage[e])
                groupPeople.append(p.elementPeople[e])
                groupFirst.append(e)
            }
        }
        let groups = groupVillage.count
        guard groups > 0 else { return Result(bound: 0, groups: 0, nonzeros: 0) }
        // Villages with groups: z columns.
        var zOfVillage = [Int](repeating: -1, count: p.villageCount)
        var villages: [Int] = []
        for v in groupVillage where zOfVillage[Int(v)] < 0 {
            zOfVillage[Int(v)] = villages.count
            villages.append(Int(v))
        }
        // Locations with several candidates: one row each.
        var candidatesAt: [Int: [Int]] = [:]
        for c in 0..<m { candidatesAt[p.candidateLocation[c], default: []].append(c) }
        let shared = candidatesAt.keys.sorted().filter { candidatesAt[$0]!.count > 1 }

        let lp = glp_create_prob()!
        defer { glp_delete_prob(lp) }
        glp_set_obj_dir(lp, GLP_MAX)
        // Columns: x (m), y (groups), z (villages), 1-based.
        let xCol = { (c: Int) in Int32(1 + c) }, yCol = { (g: Int) in Int32(1 + m + g) }, zCol = { (i: Int) in Int32(1 + m + groups + i) }
        glp_add_cols(lp, Int32(m + groups + villages.count))
        for c in 0..<m { glp_set_col_bnds(lp, xCol(c), GLP_DB, 0, 1) }
        for g in 0..<groups { glp_set_col_bnds(lp, yCol(g), GLP_DB, 0, 1) }
        for (i, v) in villages.enumerated() {
            glp_set_col_bnds(lp, zCol(i), GLP_DB, 0, p.villageCap[v])
            glp_set_obj_coef(lp, zCol(i), p.villageWeight[v])
        }
        // Rows: budget, locations, cover (one per group), village sums.
        let rows = 1 + shared.count + groups + villages.count
        glp_add_rows(lp, Int32(rows))
        var ia: [Int32] = [0], ja: [Int32] = [0], ar: [Double] = [0]
        func put(_ row: Int, _ col: Int32, _ value: Double) {
            ia.append(Int32(row))
            ja.append(col)
            ar.append(value)
        }
        glp_set_row_bnds(lp, 1, GLP_UP, 0, Double(k))
        for c in 0..<m { put(1, xCol(c), 1) }
        for (i, l) in shared.enumerated() {
            glp_set_row_bnds(lp, Int32(2 + i), GLP_UP, 0, 1)
            for c in candidatesAt[l]! { put(2 + i, xCol(c), 1) }
        }
        let coverRow0 = 2 + shared.count
        for g in 0..<groups {
            let row = coverRow0 + g
            glp_set_row_bnds(lp, Int32(row), GLP_UP, 0, 0)
            put(row, yCol(g), 1)
            let e = groupFirst[g]
            for c in coverers[start[e]..<start[e + 1]] { put(row, xCol(Int(c)), -1) }
        }
        let villageRow0 = coverRow0 + groups
        for i in villages.indices { glp_set_row_bnds(lp, Int32(villageRow0 + i), GLP_UP, 0, 0) }
        for (i, _) in villages.enumerated() { put(villageRow0 + i, zCol(i), 1) }
        for g in 0..<groups { put(villageRow0 + zOfVillage[Int(groupVillage[g])], yCol(g), -groupPeople[g]) }
        glp_load_matrix(lp, Int32(ia.count - 1), &ia, &ja, &ar)
        var parameters = glp_smcp()
        glp_init_smcp(&parameters)
        parameters.msg_lev = GLP_MSG_OFF
        parameters.presolve = GLP_ON
        let status = glp_simplex(lp, &parameters)
        guard status == 0, glp_get_status(lp) == GLP_OPT else {
            reason("GLPK did not solve the LP relaxation (glp_simplex \(status), status \(glp_get_status(lp)))")
            return nil
        }
        let value = glp_get_obj_val(lp)
        return Result(bound: value + 1e-6 * abs(value), groups: groups, nonzeros: ia.count - 1)
    }
}
