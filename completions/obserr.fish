# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_obserr_global_optspecs
    string join \n json color= no-pager h/help V/version
end

function __fish_obserr_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_obserr_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_obserr_using_subcommand
    set -l cmd (__fish_obserr_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c obserr -n "__fish_obserr_needs_command" -l color -d 'When to use colour: auto uses it on a terminal unless NO_COLOR is set or TERM is dumb; CLICOLOR_FORCE forces it' -r -f -a "auto\t''
always\t''
never\t''"
complete -c obserr -n "__fish_obserr_needs_command" -l json -d 'Print machine-readable JSON (never coloured)'
complete -c obserr -n "__fish_obserr_needs_command" -l no-pager -d 'Never pipe long output through $PAGER'
complete -c obserr -n "__fish_obserr_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obserr -n "__fish_obserr_needs_command" -s V -l version -d 'Print version'
complete -c obserr -n "__fish_obserr_needs_command" -f -a "explain" -d 'Explain error codes or HTTP statuses: meaning, solution, retry advice'
complete -c obserr -n "__fish_obserr_needs_command" -f -a "list" -d 'List catalogued codes, optionally by status (403) or class (4xx)'
complete -c obserr -n "__fish_obserr_needs_command" -f -a "search" -d 'Fuzzy search over codes, messages and solutions, best match first'
complete -c obserr -n "__fish_obserr_needs_command" -f -a "decode" -d 'Decode a pasted OBS error response into a diagnosis: what went wrong, why, what to do, whether to retry, and the ids support needs'
complete -c obserr -n "__fish_obserr_needs_command" -f -a "completions" -d 'Print the shell completion script for bash, zsh, fish, powershell or elvish'
complete -c obserr -n "__fish_obserr_needs_command" -f -a "man" -d 'Print the man page (roff): obserr man > ~/.local/share/man/man1/obserr.1'
complete -c obserr -n "__fish_obserr_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -l color -d 'When to use colour: auto uses it on a terminal unless NO_COLOR is set or TERM is dumb; CLICOLOR_FORCE forces it' -r -f -a "auto\t''
always\t''
never\t''"
complete -c obserr -n "__fish_obserr_using_subcommand explain" -l json -d 'Print machine-readable JSON (never coloured)'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -l no-pager -d 'Never pipe long output through $PAGER'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obserr -n "__fish_obserr_using_subcommand list" -s s -l status -d 'Only codes with this HTTP status (e.g. 403) or class (e.g. 4xx)' -r -f -a "301\t'Moved Permanently'
307\t'Moved Temporarily'
3xx\t'any 3xx status'
400\t'Bad Request'
403\t'Forbidden'
404\t'Not Found'
405\t'Method Not Allowed'
408\t'Request Timeout'
409\t'Conflict'
411\t'Length Required'
412\t'Precondition Failed'
416\t'Client Requested Range Not Satisfiable'
4xx\t'any 4xx status'
500\t'Internal Server Error'
501\t'Not Implemented'
503\t'Service Unavailable'
5xx\t'any 5xx status'"
complete -c obserr -n "__fish_obserr_using_subcommand list" -l color -d 'When to use colour: auto uses it on a terminal unless NO_COLOR is set or TERM is dumb; CLICOLOR_FORCE forces it' -r -f -a "auto\t''
always\t''
never\t''"
complete -c obserr -n "__fish_obserr_using_subcommand list" -l json -d 'Print machine-readable JSON (never coloured)'
complete -c obserr -n "__fish_obserr_using_subcommand list" -l no-pager -d 'Never pipe long output through $PAGER'
complete -c obserr -n "__fish_obserr_using_subcommand list" -s h -l help -d 'Print help'
complete -c obserr -n "__fish_obserr_using_subcommand search" -s n -l limit -d 'Show at most this many results' -r
complete -c obserr -n "__fish_obserr_using_subcommand search" -l color -d 'When to use colour: auto uses it on a terminal unless NO_COLOR is set or TERM is dumb; CLICOLOR_FORCE forces it' -r -f -a "auto\t''
always\t''
never\t''"
complete -c obserr -n "__fish_obserr_using_subcommand search" -l json -d 'Print machine-readable JSON (never coloured)'
complete -c obserr -n "__fish_obserr_using_subcommand search" -l no-pager -d 'Never pipe long output through $PAGER'
complete -c obserr -n "__fish_obserr_using_subcommand search" -s h -l help -d 'Print help'
complete -c obserr -n "__fish_obserr_using_subcommand decode" -l color -d 'When to use colour: auto uses it on a terminal unless NO_COLOR is set or TERM is dumb; CLICOLOR_FORCE forces it' -r -f -a "auto\t''
always\t''
never\t''"
complete -c obserr -n "__fish_obserr_using_subcommand decode" -l json -d 'Print machine-readable JSON (never coloured)'
complete -c obserr -n "__fish_obserr_using_subcommand decode" -l no-pager -d 'Never pipe long output through $PAGER'
complete -c obserr -n "__fish_obserr_using_subcommand decode" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obserr -n "__fish_obserr_using_subcommand completions" -l color -d 'When to use colour: auto uses it on a terminal unless NO_COLOR is set or TERM is dumb; CLICOLOR_FORCE forces it' -r -f -a "auto\t''
always\t''
never\t''"
complete -c obserr -n "__fish_obserr_using_subcommand completions" -l json -d 'Print machine-readable JSON (never coloured)'
complete -c obserr -n "__fish_obserr_using_subcommand completions" -l no-pager -d 'Never pipe long output through $PAGER'
complete -c obserr -n "__fish_obserr_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c obserr -n "__fish_obserr_using_subcommand man" -l color -d 'When to use colour: auto uses it on a terminal unless NO_COLOR is set or TERM is dumb; CLICOLOR_FORCE forces it' -r -f -a "auto\t''
always\t''
never\t''"
complete -c obserr -n "__fish_obserr_using_subcommand man" -l json -d 'Print machine-readable JSON (never coloured)'
complete -c obserr -n "__fish_obserr_using_subcommand man" -l no-pager -d 'Never pipe long output through $PAGER'
complete -c obserr -n "__fish_obserr_using_subcommand man" -s h -l help -d 'Print help'
complete -c obserr -n "__fish_obserr_using_subcommand help; and not __fish_seen_subcommand_from explain list search decode completions man help" -f -a "explain" -d 'Explain error codes or HTTP statuses: meaning, solution, retry advice'
complete -c obserr -n "__fish_obserr_using_subcommand help; and not __fish_seen_subcommand_from explain list search decode completions man help" -f -a "list" -d 'List catalogued codes, optionally by status (403) or class (4xx)'
complete -c obserr -n "__fish_obserr_using_subcommand help; and not __fish_seen_subcommand_from explain list search decode completions man help" -f -a "search" -d 'Fuzzy search over codes, messages and solutions, best match first'
complete -c obserr -n "__fish_obserr_using_subcommand help; and not __fish_seen_subcommand_from explain list search decode completions man help" -f -a "decode" -d 'Decode a pasted OBS error response into a diagnosis: what went wrong, why, what to do, whether to retry, and the ids support needs'
complete -c obserr -n "__fish_obserr_using_subcommand help; and not __fish_seen_subcommand_from explain list search decode completions man help" -f -a "completions" -d 'Print the shell completion script for bash, zsh, fish, powershell or elvish'
complete -c obserr -n "__fish_obserr_using_subcommand help; and not __fish_seen_subcommand_from explain list search decode completions man help" -f -a "man" -d 'Print the man page (roff): obserr man > ~/.local/share/man/man1/obserr.1'
complete -c obserr -n "__fish_obserr_using_subcommand help; and not __fish_seen_subcommand_from explain list search decode completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'

# Positional values (added by obserr: clap_complete's fish script has none)
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'AccessDenied' -d 'Access denied, because the request does not carry a date header or the header format is incorrect.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'AccessForbidden' -d 'Insufficient permission. No CORS rule is configured for the bucket or the CORS rule does not match.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'AllAccessDisabled' -d 'You have no permission to perform the operation. The bucket name is forbidden.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'AZRedundancyTypeNotSupported' -d 'The current region does not support buckets with this AZ redundancy.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'BadDigest' -d 'The specified value of Content-MD5 does not match the value received by OBS.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'BadDomainName' -d 'Invalid domain name.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'BadRequest' -d 'Invalid request parameter.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'BucketAlreadyExists' -d 'The requested bucket name already exists. The bucket namespace is shared by all users of OBS. Select another name and retry.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'BucketAlreadyOwnedByYou' -d 'Your previous request for creating the named bucket succeeded and you already own it.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'BucketNotEmpty' -d 'The bucket that you tried to delete is not empty.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'CustomDomainAreadyExist' -d 'The configured domain already exists.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'CustomDomainNotExist' -d 'The domain to be deleted does not exist.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'DeregisterUserId' -d 'The user has been deregistered.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'EntityTooLarge' -d 'The size of the object uploaded using the POST method exceeds the upper limit.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'EntityTooSmall' -d 'The size of the object uploaded using the POST method does not reach the lower limit.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'FsObjectConflict' -d 'File upload or creation failed.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'IllegalLocationConstraintException' -d 'A request without Location is sent for creating a bucket in a non-default region.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'InArrearOrInsufficientBalance' -d 'The subscriber owes fees or the account balance is insufficient, and the subscriber does not have the permission to perform an operation.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'IncompleteBody' -d 'No complete request body is received due to network or other problems.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'IncorrectNumberOfFilesInPostRequest' -d 'Each POST request must contain one file to be uploaded.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'InsufficientStorageSpace' -d 'Insufficient storage space.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'InternalError' -d 'An internal error occurs. Retry later.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'InvalidAccessKeyId' -d 'The access key ID provided by the customer does not exist in the system.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'InvalidArgument' -d 'Invalid parameter.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'InvalidBucket' -d 'The bucket to be accessed does not exist.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'InvalidBucketName' -d 'The bucket name specified in the request is invalid, which may have exceeded the maximum length, or contain special characters that are not allowed.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'InvalidEncryptionAlgorithmError' -d 'Incorrect encryption algorithm. The object cannot be decrypted due to incorrect encryption header carried when downloading the SSE-C encrypted object.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'InvalidLocationConstraint' -d 'The specified Location in the bucket creation request is invalid or does not exist.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'InvalidPart' -d 'One or more specified parts are not found. The parts may not be uploaded or the specified entity tags (ETags) do not match the parts\' ETags.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'InvalidPartOrder' -d 'Parts are not listed in ascending order by part number.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'InvalidPolicyDocument' -d 'The content of the form does not meet the conditions specified in the policy document.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'InvalidRange' -d 'The requested range cannot be obtained.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'InvalidRedirectLocation' -d 'Invalid redirect location.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'InvalidRequest' -d 'Invalid request.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'InvalidRequestBody' -d 'The request body is invalid. The request requires a message body but no message body is uploaded.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'InvalidTargetBucketForLogging' -d 'The delivery group has no ACL permission for the target bucket.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'KeyTooLongError' -d 'The provided key is too long.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'KMS.DisabledException' -d 'The master key is disabled in server-side encryption with KMS-managed keys (SSE-KMS) mode.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'KMS.NotFoundException' -d 'The master key does not exist in SSE-KMS mode.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'MalformedACLError' -d 'The XML file you provided was not well-formed or did not validate against our format requirements.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'MalformedError' -d 'The XML format in the request is incorrect.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'MalformedLoggingStatus' -d 'The XML format of Logging is incorrect.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'MalformedPolicy' -d 'The bucket policy failed the check.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'MalformedQuotaError' -d 'The Quota XML format is incorrect.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'MalformedXML' -d 'An XML file of a configuration item is in incorrect format.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'MaxMessageLengthExceeded' -d 'Copying an object does not require a message body in the request.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'MetadataTooLarge' -d 'The size of the metadata header has exceeded the upper limit.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'MethodNotAllowed' -d 'The specified method is not allowed against the requested resource.  The message "Specified method is not supported." is returned.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'MissingContentLength' -d 'The HTTP header Content-Length is not provided.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'MissingRegion' -d 'No region contained in the request and no default region defined in the system.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'MissingRequestBodyError' -d 'An empty XML file is sent as a request.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'MissingRequiredHeader' -d 'A required header is missing in the request.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'MissingSecurityHeader' -d 'A required header is missing in the request.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'NoSuchBucket' -d 'The specified bucket does not exist.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'NoSuchBucketPolicy' -d 'No bucket policy exists.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'NoSuchCORSConfiguration' -d 'No CORS configuration exists.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'NoSuchCustomDomain' -d 'The requested user domain does not exist.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'NoSuchKey' -d 'The specified key does not exist.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'NoSuchLifecycleConfiguration' -d 'The requested lifecycle rule does not exist.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'NoSuchUpload' -d 'The specified multipart upload does not exist. The upload ID does not exist or the multipart upload job has been aborted or completed.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'NoSuchVersion' -d 'The specified version ID does not match any existing version.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'NoSuchWebsiteConfiguration' -d 'The requested website does not exist.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'OperationAborted' -d 'A conflicting operation is being performed on this resource. Retry later.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'PermanentRedirect' -d 'The requested bucket can be accessed only through the specified address. Send subsequent requests to the address.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'PreconditionFailed' -d 'At least one of the specified preconditions is not met.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'RequestTimeout' -d 'No read or write operation has been performed within the timeout period of the socket connection between the user and the server.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'RequestTimeTooSkewed' -d 'The request time and the server\'s time differ a lot.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'ServiceNotImplemented' -d 'The request method is not implemented by the server.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'ServiceNotSupported' -d 'The request method is not supported by the server.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'ServiceUnavailable' -d 'The server is overloaded or has internal errors.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'SignatureDoesNotMatch' -d 'The provided signature in the request does not match the signature calculated by OBS.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'SlowDown' -d 'Too frequent requests. Reduce your request frequency.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'TemporaryRedirect' -d 'Temporary redirection. If the DNS is updated, the request is redirected to the bucket.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'TooManyBuckets' -d 'You have attempted to create more buckets than allowed.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'TooManyCustomDomains' -d 'Too many user accounts are configured.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'TooManyWrongSignature' -d 'The request is rejected due to high-frequency errors.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'Unauthorized' -d 'You have not been authenticated in real name.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'UnexpectedContent' -d 'The request requires a message body which is not carried by the client, or the request does not require a message body but the client carries the message body.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'UserKeyMustBeSpecified' -d 'This operation is only available to special users.'
complete -c obserr -n "__fish_obserr_using_subcommand explain" -f -a 'WebsiteRedirect' -d 'The website request lacks bucketName.'
complete -c obserr -n "__fish_obserr_using_subcommand completions" -f -a 'bash'
complete -c obserr -n "__fish_obserr_using_subcommand completions" -f -a 'elvish'
complete -c obserr -n "__fish_obserr_using_subcommand completions" -f -a 'fish'
complete -c obserr -n "__fish_obserr_using_subcommand completions" -f -a 'powershell'
complete -c obserr -n "__fish_obserr_using_subcommand completions" -f -a 'zsh'
