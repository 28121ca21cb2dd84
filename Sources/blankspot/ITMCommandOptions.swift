import ArgumentParser
import BlankSpotCore
import BlankSpotPipeline

/// Checks and converts the `--itm-…` options shared by several commands.
enum ITMCommandOptions {
    static func parse(climate: Int, ground: String) throws -> ITMOptions {
        guard (1...7).contains(climate) else {
            throw ValidationError("--itm-climate: expected 1–7 (1 equatorial, 2 continental subtropical, 3 maritime subtropical, 4 desert, 5 continental temperate, 6 maritime temperate over land, 7 over sea), got \(climate)")
        }
        guard let g = ITMGround(rawValue: ground.lowercased()) else {
            throw ValidationError("--itm-ground: expected one of \(ITMGround.allCases.map(\.rawValue).joined(separator: ", ")), got '\(ground)'")
        }
        var o = ITMOptions()
        o.climate = climate
        o.ground = g
        return o
    }
}
