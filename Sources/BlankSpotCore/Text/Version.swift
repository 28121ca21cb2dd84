/// The blankspot release, written into every output's metadata and run.json.
public enum BlankSpotVersion {
    public static let string = "0.1.0"
}
