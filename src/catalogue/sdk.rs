//! The official OBS SDKs and tools whose retry loops the catalogue knows:
//! a client code lists those that retry it (`retried_by` in the data), and
//! [`super::retry`] reads a server code's from their rules.

/// An official SDK or tool with its own retry loop.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Sdk {
    /// huaweicloud-sdk-python-obs.
    Python,
    /// huaweicloud-sdk-go-obs.
    Go,
    /// huaweicloud-sdk-java-obs.
    Java,
    /// huaweicloud-sdk-dotnet-obs.
    Dotnet,
    /// huaweicloud-sdk-nodejs-obs.
    Nodejs,
    /// huaweicloud-sdk-c-obs.
    C,
    /// The obsutil command-line tool.
    Obsutil,
    /// The Hadoop connector (obsa-hdfs).
    Obsa,
}

impl Sdk {
    /// Every SDK and tool, in the order `explain` lists them.
    pub const ALL: [Sdk; 8] = [
        Sdk::Python,
        Sdk::Go,
        Sdk::Java,
        Sdk::Dotnet,
        Sdk::Nodejs,
        Sdk::C,
        Sdk::Obsutil,
        Sdk::Obsa,
    ];
}
