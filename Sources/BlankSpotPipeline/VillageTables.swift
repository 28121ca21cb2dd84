import BlankSpotCore
import BlankSpotGDAL
import Foundation

/// The village outputs as tables: GeoPackage attributes, priority.csv, summary.json.
enum VillageTables {
    static func rounded(_ v: Double, _ decimals: Int) -> Double {
        let f = pow(10, Double(decimals))
        return (v * f).rounded() / f
    }

    static func attributes(_ results: [VillageCoverage], rank: [Int: PriorityList.Entry], towerID: [Int: String],
                           records: [VillageLayer.Record], confirmed: [Int: ConfirmedVillage]?) -> AttributeTable {
        var columns: [(name: String, kind: AttributeTable.Kind)] = [
            ("village_id", .text), ("name", .text), ("region", .text), ("district", .text), ("status", .text),
            ("population", .real), ("uncovered_population", .real), ("covered_population_percent", .real), ("covered_area_percent", .real),
            ("area_km2", .real), ("cells", .integer), ("median_signal_dbm", .real), ("p10_signal_dbm", .real),
            ("main_tower_id", .text), ("serving_towers", .integer), ("max_server_count", .integer), ("nearest_tower_km", .real),
            ("priority_rank", .integer), ("priority_score", .real),
        ]
        if confirmed != nil {
            columns += [("confirmed_status", .text), ("confirm_agrees", .text), ("confirmed_served_percent", .real), ("confirm_points", .integer),
                        ("confirm_centroid_dbm", .real), ("confirm_centroid_tower_id", .text)]
        }
        let rows: [[AttributeTable.Value]] = results.map { r in
            let e = rank[r.village.index]
            let real = { (v: Double?, d: Int) -> AttributeTable.Value in v.map { .real(rounded($0, d)) } ?? .null }
            var row: [AttributeTable.Value] = [
                .text(r.village.id), .text(r.village.name), .text(r.village.region), .text(records[r.village.index].district),
                .text(r.status.rawValue), r.hasPopulation ? .real(rounded(r.population, 1)) : .null,
                r.hasPopulation ? .real(rounded(r.uncoveredPopulation, 1)) : .null,
                .real(rounded(r.coveredPopulationPercent, 2)), .real(rounded(r.coveredAreaPercent, 2)),
                .real(rounded(r.village.areaKm2, 4)), .integer(r.cells), real(r.medianSignalDBm, 1), real(r.p10SignalDBm, 1),
                r.mainTowerIndex.flatMap { towerID[$0] }.map { .text($0) } ?? .null, .integer(r.servingTowers),
                .integer(r.maxServerCount), real(r.nearestTowerKm, 3),
                e.map { .integer($0.rank) } ?? .null, e.map { .real(rounded($0.score, 1)) } ?? .null,
            ]
            if let confirmed {
                let fields = confirmationFields(confirmed[r.village.index], raster: r.status, towerID: towerID)
                row += [fields[0].isEmpty ? .null : .text(fields[0]), fields[1].isEmpty ? .null : .text(fields[1]),
                        real(Double(fields[2]), 2), Int(fields[3]).map { .integer($0) } ?? .null, real(Double(fields[4]), 1),
                        fields[5].isEmpty ? .null : .text(fields[5])]
            }
            return row
        }
        return AttributeTable(columns: columns, rows: rows)
    }

    /// Confirmation columns as text: status, agrees, served %, points, centroid dBm, tower id.
    static func confirmationFields(_ c: ConfirmedVillage?, raster: VillageStatus, towerID: [Int: String]) -> [String] {
        guard let c else { return ["", "", "", "", "", ""] }
        return [c.status.rawValue, c.status == raster ? "yes" : "no", CSVWriter.number(c.servedPercent, decimals: 2), String(c.points),
                c.centroidBestDBm.map { CSVWriter.number($0, decimals: 1) } ?? "", c.centroidBestTower.flatMap { towerID[$0] } ?? ""]
    }

    static func priorityCSV(_ list: PriorityList, towerID: [Int: String], records: [VillageLayer.Record],
                            confirmed: [Int: ConfirmedVillage]?) -> String {
        var header = ["rank", "village_id", "name", "region", "district", "status", "population", "uncovered_population",
                      "covered_population_percent", "covered_area_percent", "blank_weight", "score", "median_signal_dbm",
                      "p10_signal_dbm", "nearest_tower_km", "main_tower_id", "serving_towers"]
        if confirmed != nil {
            header += ["confirmed_status", "confirm_agrees", "confirmed_served_percent", "confirm_points", "confirm_centroid_dbm", "confirm_centroid_tower_id"]
        }
        var text = CSVWriter.line(header)
        let n = { (v: Double?, d: Int) in v.map { CSVWriter.number($0, decimals: d) } ?? "" }
        for e in list.entries {
            let c = e.coverage
            var fields = [
                String(e.rank), c.village.id, c.village.name, c.village.region, records[c.village.index].district, c.status.rawValue,
                c.hasPopulation ? n(c.population, 1) : "", c.hasPopulation ? n(c.uncoveredPopulation, 1) : "",
                n(c.coveredPopulationPercent, 2), n(c.coveredAreaPercent, 2), n(e.weight, 2), n(e.score, 1),
                n(c.medianSignalDBm, 1), n(c.p10SignalDBm, 1), n(c.nearestTowerKm, 3),
                c.mainTowerIndex.flatMap { towerID[$0] } ?? "", String(c.servingTowers),
            ]
            if let confirmed { fields += confirmationFields(confirmed[c.village.index], raster: c.status, towerID: towerID) }
            text += CSVWriter.line(fields)
        }
        return text
    }

    struct Summary: Encodable {
        struct Counts: Encodable {
            var villages: Int
            var covered: Int
            var partial: Int
            var blank: Int
            var population: Double
            var peopleWithoutService: Double
            var peopleInBlankVillages: Double
        }
        struct Region: Encodable {
            var region: String
            var counts: Counts
        }
        struct SkippedVillage: Encodable {
            var villageId: String
            var name: String
            var origin: String
            var reason: String
        }
        var coverageModel: String
        var populationSource: String
        var fields: VillageLayer.Fields
        var rules: VillageStatusRules
        var blankWeight: Double
        var total: Counts
        var byRegion: [Region]
        var skipped: [SkippedVillage]
        /// Towers of the coverage run whose served cells reach its radius: their coverage is cut
        /// there, and the verdicts may depend on the radius.
        var towersCutAtRadius: Int?
        var confirmation: Confirmation?
        /// The village layer and population raster, with their sizes and SHA-256.
        var inputs: [RunManifest.Input] = []

        /// `--confirm`: what was re-evaluated and how the verdicts compare.
        struct Confirmation: Encodable {
            var model: String
            var method: String
            var radiusKm: Double
            var samplePoints: String
            var counts: VillageConfirmationCounts
            var seconds: Double
        }

        func write(to path: String) throws {
            try OutputJSON.encoder().encode(self).write(to: URL(fileURLWithPath: path))
        }
    }

    static func counts(_ rs: [VillageCoverage]) -> Summary.Counts {
        Summary.Counts(
            villages: rs.count, covered: rs.filter { $0.status == .covered }.count,
            partial: rs.filter { $0.status == .partial }.count, blank: rs.filter { $0.status == .blank }.count,
            population: rounded(rs.reduce(0) { $0 + ($1.hasPopulation ? $1.population : 0) }, 1),
            peopleWithoutService: rounded(rs.reduce(0) { $0 + $1.uncoveredPopulation }, 1),
            peopleInBlankVillages: rounded(rs.filter { $0.status == .blank }.reduce(0) { $0 + ($1.hasPopulation ? $1.population : 0) }, 1))
    }

    static func summary(_ results: [VillageCoverage], skipped: [VillageLayer.Skipped], rules: VillageStatusRules, blankWeight: Double,
                        populationSource: String, fields: VillageLayer.Fields, coverageModel: String, towersCutAtRadius: Int?,
                        confirmation: VillageConfirmation.Result?) -> Summary {
        let regions = Set(results.map(\.village.region)).sorted()
        var summary = Summary(
            coverageModel: coverageModel, populationSource: populationSource, fields: fields, rules: rules, blankWeight: blankWeight,
            total: counts(results),
            byRegion: regions.map { r in Summary.Region(region: r, counts: counts(results.filter { $0.village.region == r })) },
            skipped: skipped.map { .init(villageId: $0.id, name: $0.name, origin: $0.origin, reason: $0.reason) },
            towersCutAtRadius: towersCutAtRadius)
        if let c = confirmation {
            summary.confirmation = .init(
                model: c.model, method: c.description, radiusKm: c.radiusKm,
                samplePoints: "the village cell nearest the centroid and up to \(c.populatedPoints) populated cells (docs/data.md: village confirmation)",
                counts: VillageConfirmationCounts(results, c.byVillage), seconds: rounded(c.seconds, 2))
        }
        return summary
    }
}

/// How the confirmed verdicts compare with the raster ones.
public struct VillageConfirmationCounts: Sendable, Encodable {
    /// Villages whose confirmed status differs from the raster status, by the pair of statuses.
    public struct Change: Sendable, Encodable {
        public var rasterStatus: String
        public var confirmedStatus: String
        public var villages: Int
    }

    public var villages: Int
    public var agree: Int
    public var disagree: Int
    /// The disagreements, ordered by raster status, then confirmed status.
    public var changes: [Change]

    init(_ results: [VillageCoverage], _ confirmed: [Int: ConfirmedVillage]) {
        var agree = 0, villages = 0
        var byPair: [String: Change] = [:]
        for r in results {
            guard let c = confirmed[r.village.index] else { continue }
            villages += 1
            if c.status == r.status {
                agree += 1
            } else {
                byPair["\(r.status.rawValue)→\(c.status.rawValue)", default: Change(rasterStatus: r.status.rawValue, confirmedStatus: c.status.rawValue, villages: 0)].villages += 1
            }
        }
        self.villages = villages
        self.agree = agree
        disagree = villages - agree
        changes = byPair.keys.sorted().map { byPair[$0]! }
    }
}
