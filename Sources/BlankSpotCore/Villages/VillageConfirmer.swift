import Foundation
import Synchronization

/// The point-to-point model a village verdict is confirmed with.
public enum ConfirmationModel: Sendable, Equatable {
    /// ITU-R P.1812 (``P1812/predict(link:profile:)``); each tower's frequency replaces the one
    /// in the settings.
    case p1812(P1812AreaSettings)
    /// ITM (``ITM/pointToPoint(elevationsM:spacingM:parameters:variability:)``).
    case itm(ITMCoverageSettings)

    public var name: String {
        switch self {
        case .p1812: "p1812"
        case .itm: "itm"
        }
    }
}

/// A tower as the confirmation sees it: its grid site and the threshold it is judged against.
public struct ConfirmationSite: Sendable {
    public var site: GridSite
    public var thresholdDBm: Double

    public init(site: GridSite, thresholdDBm: Double) {
        self.site = site
        self.thresholdDBm = thresholdDBm
    }
}

/// A village's verdict from point-to-point predictions at its sample points.
public struct ConfirmedVillage: Sendable, Equatable {
    /// Sample points evaluated (``ConfirmationPoints``).
    public var points: Int
    /// Weighted share of the points where some tower in range gives a margin ≥ 0, %.
    public var servedPercent: Double
    public var status: VillageStatus
    /// Best received power at the centroid point, dBm, and the tower giving it (towers.csv row);
    /// nil when no tower is within range.
    public var centroidBestDBm: Double?
    public var centroidBestTower: Int?
}

/// Confirms village verdicts point to point (`blankspot villages --confirm`): from every tower
/// within `radiusM` of each sample point, the chosen model on the exact grid profile to it
/// (``GridProfile``; points without terrain repeat the last height with data), the tower's
/// link budget and threshold; a point is served when the best margin is ≥ 0. Villages are
/// shared between threads; each is computed by one thread in one fixed way, so the results do
/// not depend on the thread count.
public enum VillageConfirmer {
    /// - Parameters:
    ///   - points: sample points per village (empty: the village is not confirmed).
    ///   - lonLat: WGS 84 position of a cell's centre (P.1812 needs the path's latitude).
    public static func confirm(points: [[ConfirmationPoints.Point]], terrain: TerrainRaster, sites: [ConfirmationSite],
                               model: ConfirmationModel, radiusM: Double, rxHeightM: Double, rules: VillageStatusRules,
                               lonLat: @Sendable (Int) -> (lonDeg: Double, latDeg: Double), threads: Int,
                               progress: (@Sendable (Double) -> Void)? = nil) -> [ConfirmedVillage?] {
        let slots = ResultSlots<ConfirmedVillage>(count: points.count)
        let done = Atomic<Int>(0)
        ParallelLoop.run(count: points.count, threads: threads) { v, _ in
            if !points[v].isEmpty {
                slots.set(v, confirmVillage(points[v], terrain: terrain, sites: sites, model: model, radiusM: radiusM,
                                            rxHeightM: rxHeightM, rules: rules, lonLat: lonLat))
            }
            if let progress { progress(Double(done.wrappingAdd(1, ordering: .relaxed).newValue) / Double(points.count)) }
        }
        return slots.values
    }

    static func confirmVillage(_ points: [ConfirmationPoints.Point], terrain: TerrainRaster, sites: [ConfirmationSite],
                               model: ConfirmationModel, radiusM: Double, rxHeightM: Double, rules: VillageStatusRules,
                               lonLat: (Int) -> (lonDeg: Double, latDeg: Double)) -> ConfirmedVillage {
        let grid = terrain.grid
        var servedWeight = 0.0, totalWeight = 0.0
        var centroidBest: Double?, centroidTower: Int?
        for p in points {
            let col = p.cell % grid.width, row = p.cell / grid.width
            var bestMargin = -Double.infinity
            for s in sites {
                let dc = col - s.site.col, dr = row - s.site.row
                let distanceM = Double(dc * dc + dr * dr).squareRoot() * grid.cellSizeM
                guard distanceM <= radiusM else { continue }
                let budget = LinkBudget(site: s.site, thresholds: ServiceThresholds(allDBm: s.thresholdDBm))
                let margin = Double(marginDB(site: s.site, budget: budget, toCol: col, row: row, terrain: terrain, model: model,
                                             rxHeightM: rxHeightM, lonLat: lonLat))
                bestMargin = max(bestMargin, margin)
                if p.isCentroid {
                    let received = margin + s.thresholdDBm
                    if received > (centroidBest ?? -.infinity) {
                        centroidBest = received
                        centroidTower = s.site.index
                    }
                }
            }
            totalWeight += p.weight
            if bestMargin >= 0 { servedWeight += p.weight }
        }
        let percent = totalWeight > 0 ? 100 * servedWeight / totalWeight : 0
        return ConfirmedVillage(points: points.count, servedPercent: percent, status: rules.status(servedPercent: percent),
                                centroidBestDBm: centroidBest, centroidBestTower: centroidTower)
    }

    /// The margin of one tower at one cell, by the chosen model on the exact grid profile.
    static func marginDB(site: GridSite, budget: LinkBudget, toCol col: Int, row: Int, terrain: TerrainRaster,
                         model: ConfirmationModel, rxHeightM: Double, lonLat: (Int) -> (lonDeg: Double, latDeg: Double)) -> Float {
        let frequencyMHz = site.tower.frequencyMHz
        guard var profile = GridProfile(terrain: terrain, fromCol: site.col, fromRow: site.row, toCol: col, toRow: row) else {
            return ownCellMargin(budget: budget, frequencyGHz: frequencyMHz / 1000, groundM: site.groundM, rxHeightM: rxHeightM,
                                 cellSizeM: terrain.grid.cellSizeM)
        }
        var last = site.groundM
        for i in profile.heightsM.indices {
            if profile.heightsM[i].isNaN { profile.heightsM[i] = last } else { last = profile.heightsM[i] }
        }
        let distanceM = profile.distancesM.last!
        let rxGroundM = profile.heightsM.last!
        let lossDB: Double
        switch model {
        case .p1812(let settings):
            let rx = lonLat(row * terrain.grid.width + col)
            let link = P1812Link(frequencyGHz: frequencyMHz / 1000, timePercent: settings.timePercent, locationPercent: settings.locationPercent,
                                 txLatDeg: site.tower.latDeg, txLonDeg: site.tower.lonDeg, rxLatDeg: rx.latDeg, rxLonDeg: rx.lonDeg,
                                 txHeightM: site.tower.heightM, rxHeightM: rxHeightM, polarization: settings.polarization,
                                 deltaN: settings.deltaN, n0: settings.n0)
            let path = P1812Profile(distancesKm: profile.distancesM.map { $0 / 1000 }, heightsM: profile.heightsM)
            guard let r = try? P1812.predict(link: link, profile: path) else { return -.infinity }
            lossDB = r.basicTransmissionLossDB
        case .itm(let settings):
            let parameters = settings.parameters(frequencyMHz: frequencyMHz, txHeightM: site.tower.heightM, rxHeightM: rxHeightM)
            lossDB = profile.heightsM.withUnsafeBufferPointer {
                ITM.lossDB(z: $0, spacingM: distanceM / Double(profile.heightsM.count - 1), parameters: parameters,
                           deviates: ITM.deviates(settings.variability))
            }
        }
        return budget.marginDB(lossDB: lossDB, dCol: col - site.col, dRow: row - site.row, distanceM: distanceM, rxAltitudeM: rxGroundM + rxHeightM)
    }
}
