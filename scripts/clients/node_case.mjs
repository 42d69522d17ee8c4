// One operation of one Node client against the local OBS-like server, the
// way a user's program does it (run by scripts/record_clients.py).
//
//     node node_case.mjs CLIENT OPERATION BUCKET KEY FORM
//
// CLIENT is aws-sdk-js-v3 (@aws-sdk/client-s3), minio-js or obs
// (esdk-obs-nodejs). FORM is `uncaught` (the rejection propagates: Node
// prints it), `tostring` (the program logs String(e)); for the OBS SDK,
// which rejects nothing on an error response, `print` prints what its
// documented examples print, `inspect` logs result.CommonMsg, and `log`
// writes the SDK's log file (OBSERR_REC_LOG). Modules are resolved from
// NODE_PATH's prefix (OBSERR_REC_NODE_MODULES).
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(path.join(process.env.OBSERR_REC_NODE_MODULES, 'x.js'));
const [client, op, bucket, key, form] = process.argv.slice(2);
const EP = process.env.OBSERR_REC_ENDPOINT;
const AK = process.env.AWS_ACCESS_KEY_ID;
const SK = process.env.AWS_SECRET_ACCESS_KEY;
const ETAG = '"0123456789abcdef0123456789abcdef"';

function awsV3() {
  const s3 = require('@aws-sdk/client-s3');
  const c = new s3.S3Client({
    endpoint: EP,
    region: 'us-east-1',
    forcePathStyle: true,
    maxAttempts: 2,
    credentials: { accessKeyId: AK, secretAccessKey: SK },
  });
  const send = (Cmd, input) => c.send(new Cmd({ Bucket: bucket, ...input }));
  return {
    getobject: async () => (await send(s3.GetObjectCommand, { Key: key })).Body.transformToString(),
    headobject: () => send(s3.HeadObjectCommand, { Key: key }),
    listobjects: () => send(s3.ListObjectsV2Command, {}),
    createbucket: () => send(s3.CreateBucketCommand, {}),
    deletebucket: () => send(s3.DeleteBucketCommand, {}),
    putobject: () => send(s3.PutObjectCommand, { Key: key, Body: 'hello' }),
    deleteobject: () => send(s3.DeleteObjectCommand, { Key: key }),
    'getobject-ifmatch': () => send(s3.GetObjectCommand, { Key: key, IfMatch: ETAG }),
    'getobject-range': () => send(s3.GetObjectCommand, { Key: key, Range: 'bytes=100-199' }),
  }[op];
}

function minioJs() {
  const Minio = require('minio');
  const url = new URL(EP);
  const c = new Minio.Client({
    endPoint: url.hostname,
    port: Number(url.port),
    useSSL: false,
    accessKey: AK,
    secretKey: SK,
    region: 'us-east-1',
    pathStyle: true,
  });
  const drain = async (stream) => {
    for await (const _ of stream) {
      // read it all
    }
  };
  return {
    getobject: async () => drain(await c.getObject(bucket, key)),
    headobject: () => c.statObject(bucket, key),
    listobjects: () => drain(c.listObjectsV2(bucket, '', true)),
    createbucket: () => c.makeBucket(bucket, 'us-east-1'),
    deletebucket: () => c.removeBucket(bucket),
    putobject: () => c.putObject(bucket, key, Buffer.from('hello')),
    deleteobject: () => c.removeObject(bucket, key),
    'getobject-range': async () => drain(await c.getPartialObject(bucket, key, 100, 100)),
  }[op];
}

async function obs() {
  const ObsClient = require('esdk-obs-nodejs');
  const c = new ObsClient({
    access_key_id: AK,
    secret_access_key: SK,
    server: EP,
    path_style: true,
    signature: 'obs',
    is_signature_negotiation: false,
    max_retry_count: 1,
  });
  // The constructor finishes its set-up asynchronously (esdk-obs-nodejs
  // 3.26: a call made at once fails on a null signature context).
  await new Promise((r) => setTimeout(r, 50));
  if (form === 'log') {
    c.initLog({ file_full_path: process.env.OBSERR_REC_LOG, max_log_size: 10485760, backups: 1, level: 'debug', log_to_console: false });
  }
  const p = { Bucket: bucket, Key: key };
  const call = {
    getobject: () => c.getObject(p),
    headobject: () => c.getObjectMetadata(p),
    listobjects: () => c.listObjects({ Bucket: bucket }),
    createbucket: () => c.createBucket({ Bucket: bucket }),
    deletebucket: () => c.deleteBucket({ Bucket: bucket }),
    putobject: () => c.putObject({ ...p, Body: 'hello' }),
    deleteobject: () => c.deleteObject(p),
    'getobject-ifmatch': () => c.getObject({ ...p, IfMatch: ETAG }),
    'getobject-range': () => c.getObject({ ...p, Range: 'bytes=100-199' }),
  }[op];
  const result = await call();
  if (form === 'print') {
    // As the SDK's documented examples print a failed call.
    console.log('Status-->' + result.CommonMsg.Status);
    console.log('Code-->' + result.CommonMsg.Code);
    console.log('Message-->' + result.CommonMsg.Message);
    console.log('RequestId-->' + result.CommonMsg.RequestId);
  } else if (form === 'inspect') {
    console.log(result.CommonMsg);
  }
  c.close();
  if (form === 'log') {
    // log4js writes asynchronously
    await new Promise((r) => setTimeout(r, 500));
  }
}

if (client === 'obs') {
  await obs();
} else {
  const call = client === 'minio-js' ? minioJs() : awsV3();
  if (form === 'uncaught') {
    await call();
  } else {
    try {
      await call();
    } catch (e) {
      console.log(String(e));
    }
  }
}
// A keep-alive socket must not keep a finished program waiting (minio-js).
process.exit(0);
