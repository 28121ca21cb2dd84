/// The radii a tower may be swept to, as plans, and the rule that picks one
/// (``AutomaticReach``); with a fixed radius, that radius alone.
struct ReachLadder<P: TowerSweepPlan>: Sendable {
    /// nil: the fixed radius.
    let rule: AutomaticReach?
    /// The radii tried, ascending (one, the fixed radius, without a rule).
    let plans: [P]
    /// A plan for any radius, metres: for a tower's own reach, and for the convergence
    /// check's scaled radii.
    let makePlan: @Sendable (Double) -> P

    /// Plans from `makePlan(radiusM)` for the settings' radius or automatic ladder, whose
    /// radii grow by `growth` (see ``AutomaticReach/ladderM(capM:growth:)``).
    init(settings: SweepSettings, growth: Double = AutomaticReach.marginGrowth, makePlan: @escaping @Sendable (Double) -> P) {
        rule = settings.automaticReach
        self.makePlan = makePlan
        guard let rule else {
            plans = [makePlan(settings.radiusM)]
            return
        }
        plans = rule.ladderM(capM: settings.radiusM, growth: growth).map(makePlan)
    }

    /// One tower's sweep, as the rule says: `sweepTo(plan)` sweeps the tower with `plan` into a
    /// fresh footprint and returns it with its extent. Only the last footprint is returned;
    /// earlier ones are discarded.
    ///
    /// A rung at or beyond the model's ``TowerCellModel/reachM`` is swept with a plan for that
    /// reach itself, so that a tower bounded by its reach gets the same rays (and the same
    /// cells) whichever rung, cap or scale led there.
    func sweep<F>(site: GridSite, model: P.Model, sweepTo: (P) -> (F, SweepExtent)) -> (footprint: F, farthestD2: Int, reach: TowerReach) {
        let cellM = plans[0].sweep.terrain.grid.cellSizeM
        let provesReach = model.provesReach
        guard let rule else {
            let (footprint, extent) = sweepTo(plans[0])
            return (footprint, extent.farthestServedD2,
                    TowerReach(evaluatedM: min(plans[0].sweep.radiusCells * cellM, model.reachM), basis: .fixed))
        }
        for k in plans.indices {
            let radiusM = plans[k].sweep.radiusCells * cellM
            let bounded = model.reachM <= radiusM
            let plan = bounded ? makePlan(model.reachM) : plans[k]
            var (footprint, extent) = sweepTo(plan)
            let isCap = k == plans.count - 1
            let innerCells = (1 - rule.emptyOuterShare) * radiusM / cellM
            let emptyOuterBand = Double(extent.farthestServedD2) <= innerCells * innerCells
            let basis: TowerReach.Basis
            if bounded || (provesReach && !extent.hasOpenRay) {
                basis = .proof
            } else if emptyOuterBand && (!provesReach || isCap) {
                // Without a proof; with one, only at the cap where the proof gave out.
                basis = .margin
            } else if isCap {
                basis = .cap
            } else {
                continue
            }
            // The convergence check: the accepted radius times the scale, but never beyond the
            // reach (nothing there can be served), so a bounded tower keeps its sweep.
            let keptM = min(radiusM * rule.scale, model.reachM)
            if !bounded && rule.scale != 1 {
                (footprint, extent) = sweepTo(makePlan(keptM))
            }
            return (footprint, extent.farthestServedD2, TowerReach(evaluatedM: keptM, basis: basis))
        }
        preconditionFailure("the ladder ends at the cap, which always decides")
    }
}
