//! One operation of the object_store crate against the local OBS-like
//! server, the way a user's program does it (run by
//! scripts/record_clients.py):
//!
//!     object-store-case OPERATION BUCKET KEY FORM
//!
//! FORM is `uncaught` (main returns the error: Rust prints `Error: ` and its
//! Debug form) or `display` (the program logs `{e}`). The endpoint comes from
//! OBSERR_REC_ENDPOINT, the (fake) keys from AWS_ACCESS_KEY_ID and
//! AWS_SECRET_ACCESS_KEY. Retries are kept short (one retry, 100 ms).
use object_store::aws::AmazonS3Builder;
use object_store::path::Path;
use object_store::{
    BackoffConfig, GetOptions, ObjectStore, ObjectStoreExt, PutPayload, RetryConfig,
};
use std::time::Duration;

type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

async fn run(op: &str, bucket: &str, key: &str) -> Result<()> {
    let env = |k: &str| std::env::var(k).unwrap_or_default();
    let store = AmazonS3Builder::new()
        .with_endpoint(env("OBSERR_REC_ENDPOINT"))
        .with_allow_http(true)
        .with_virtual_hosted_style_request(false)
        .with_bucket_name(bucket)
        .with_region("us-east-1")
        .with_access_key_id(env("AWS_ACCESS_KEY_ID"))
        .with_secret_access_key(env("AWS_SECRET_ACCESS_KEY"))
        .with_retry(RetryConfig {
            backoff: BackoffConfig {
                init_backoff: Duration::from_millis(100),
                max_backoff: Duration::from_millis(200),
                base: 2.0,
            },
            max_retries: 1,
            retry_timeout: Duration::from_secs(10),
        })
        .build()?;
    let path = Path::from(key);
    match op {
        "getobject" => {
            store.get(&path).await?.bytes().await?;
        }
        "headobject" => {
            store.head(&path).await?;
        }
        "listobjects" => {
            store.list_with_delimiter(None).await?;
        }
        "putobject" => {
            store.put(&path, PutPayload::from_static(b"hello")).await?;
        }
        "deleteobject" => store.delete(&path).await?,
        "getobject-ifmatch" => {
            let options = GetOptions {
                if_match: Some("\"0123456789abcdef0123456789abcdef\"".to_string()),
                ..GetOptions::default()
            };
            store.get_opts(&path, options).await?.bytes().await?;
        }
        "getobject-range" => {
            store.get_range(&path, 100..200).await?;
        }
        other => return Err(format!("no operation {other}").into()),
    }
    Ok(())
}

#[tokio::main]
async fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let (op, bucket, key, form) = (&args[1], &args[2], &args[3], &args[4]);
    if form == "uncaught" {
        return run(op, bucket, key).await;
    }
    if let Err(e) = run(op, bucket, key).await {
        println!("{e}");
    }
    Ok(())
}
