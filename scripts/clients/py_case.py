"""One operation of one Python client against the local OBS-like server, the
way a user's program does it (run by scripts/record_clients.py).

    python py_case.py CLIENT OPERATION BUCKET KEY FORM

CLIENT is boto3, s3fs, minio or obs (esdk-obs-python); FORM is `uncaught`
(the exception propagates: Python prints its traceback), `str` or `repr`
(the program prints str(e) or repr(e), as people log it). The OBS SDK raises
nothing for an error response: `print` prints the fields its documentation's
examples print, `str` prints the whole result, `log` writes the SDK's log
file (to OBSERR_REC_LOG) and prints nothing.

The endpoint comes from OBSERR_REC_ENDPOINT, the (fake) keys from
AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.
"""
import os
import sys

EP = os.environ["OBSERR_REC_ENDPOINT"]
AK = os.environ["AWS_ACCESS_KEY_ID"]
SK = os.environ["AWS_SECRET_ACCESS_KEY"]
ETAG = '"0123456789abcdef0123456789abcdef"'


def boto3_op(op, bucket, key):
    import boto3
    from botocore.config import Config

    s3 = boto3.client(
        "s3",
        endpoint_url=EP,
        aws_access_key_id=AK,
        aws_secret_access_key=SK,
        region_name="us-east-1",
        config=Config(retries={"max_attempts": 2, "mode": "standard"}, s3={"addressing_style": "path"}),
    )
    return {
        "getobject": lambda: s3.get_object(Bucket=bucket, Key=key)["Body"].read(),
        "headobject": lambda: s3.head_object(Bucket=bucket, Key=key),
        "listobjects": lambda: s3.list_objects_v2(Bucket=bucket),
        "createbucket": lambda: s3.create_bucket(Bucket=bucket),
        "deletebucket": lambda: s3.delete_bucket(Bucket=bucket),
        "putobject": lambda: s3.put_object(Bucket=bucket, Key=key, Body=b"hello"),
        "deleteobject": lambda: s3.delete_object(Bucket=bucket, Key=key),
        "getobject-ifmatch": lambda: s3.get_object(Bucket=bucket, Key=key, IfMatch=ETAG),
        "getobject-range": lambda: s3.get_object(Bucket=bucket, Key=key, Range="bytes=100-199"),
    }[op]


def s3fs_op(op, bucket, key):
    import s3fs

    fs = s3fs.S3FileSystem(
        key=AK,
        secret=SK,
        endpoint_url=EP,
        client_kwargs={"region_name": "us-east-1"},
        config_kwargs={"retries": {"max_attempts": 2, "mode": "standard"}, "s3": {"addressing_style": "path"}},
        skip_instance_cache=True,
    )
    path = f"{bucket}/{key}"
    return {
        "getobject": lambda: fs.cat_file(path),
        "headobject": lambda: fs.info(path),
        "listobjects": lambda: fs.ls(bucket),
        "createbucket": lambda: fs.mkdir(bucket),
        "deletebucket": lambda: fs.rmdir(bucket),
        "putobject": lambda: fs.pipe_file(path, b"hello"),
        "deleteobject": lambda: fs.rm_file(path),
        "getobject-range": lambda: fs.cat_file(path, start=100, end=200),
    }[op]


def minio_op(op, bucket, key):
    import io

    from minio import Minio

    host = EP.split("://", 1)[1]
    client = Minio(host, access_key=AK, secret_key=SK, secure=False, region="us-east-1")
    return {
        "getobject": lambda: client.get_object(bucket, key).read(),
        "headobject": lambda: client.stat_object(bucket, key),
        "listobjects": lambda: list(client.list_objects(bucket)),
        "createbucket": lambda: client.make_bucket(bucket),
        "deletebucket": lambda: client.remove_bucket(bucket),
        "putobject": lambda: client.put_object(bucket, key, io.BytesIO(b"hello"), 5),
        "deleteobject": lambda: client.remove_object(bucket, key),
        "getobject-ifmatch": lambda: client.get_object(bucket, key, request_headers={"If-Match": ETAG}).read(),
        "getobject-range": lambda: client.get_object(bucket, key, offset=100, length=100).read(),
    }[op]


def obs_op(op, bucket, key, form):
    from obs import GetObjectHeader, LogConf, ObsClient

    client = ObsClient(access_key_id=AK, secret_access_key=SK, server=EP, path_style=True, max_retry_count=1)
    if form == "log":
        conf = os.path.join(os.path.dirname(os.environ["OBSERR_REC_LOG"]), "log.conf")
        with open(conf, "w") as f:
            f.write(
                "[LOGCONF]\nLogFileDir = %s\nLogFileName = %s\nLogFileLevel = DEBUG\nPrintLogToConsole = 0\n"
                % (os.path.dirname(os.environ["OBSERR_REC_LOG"]), os.path.basename(os.environ["OBSERR_REC_LOG"]))
            )
        client.initLog(LogConf(conf), "obs_logger")
    call = {
        "getobject": lambda: client.getObject(bucket, key, loadStreamInMemory=True),
        "headobject": lambda: client.getObjectMetadata(bucket, key),
        "listobjects": lambda: client.listObjects(bucket),
        "createbucket": lambda: client.createBucket(bucket),
        "deletebucket": lambda: client.deleteBucket(bucket),
        "putobject": lambda: client.putContent(bucket, key, "hello"),
        "deleteobject": lambda: client.deleteObject(bucket, key),
        "getobject-ifmatch": lambda: client.getObject(
            bucket, key, headers=GetObjectHeader(if_match=ETAG), loadStreamInMemory=True
        ),
        "getobject-range": lambda: client.getObject(
            bucket, key, headers=GetObjectHeader(range="100-199"), loadStreamInMemory=True
        ),
    }[op]
    resp = call()
    if form == "print":
        # As the SDK's documented examples print a failed call.
        print("status:", resp.status)
        print("requestId:", resp.requestId)
        print("errorCode:", resp.errorCode)
        print("errorMessage:", resp.errorMessage)
    elif form == "str":
        print(resp)
    client.close()


def main():
    client, op, bucket, key, form = sys.argv[1:6]
    if client == "obs":
        obs_op(op, bucket, key, form)
        return
    call = {"boto3": boto3_op, "s3fs": s3fs_op, "minio": minio_op}[client](op, bucket, key)
    if form == "uncaught":
        call()
        return
    try:
        call()
    except Exception as e:  # noqa: BLE001 - what people write
        print(str(e) if form == "str" else repr(e))


if __name__ == "__main__":
    main()
