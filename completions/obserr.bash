# Words of $1 that start with $2 in any case (added by obserr: compgen -W
# matches case-sensitively, and obserr's values do not care about case).
__obserr_compgen() {
    local word prefix="${2,,}"
    for word in $1; do
        [[ "${word,,}" == "$prefix"* ]] && printf '%s\n' "$word"
    done
    return 0
}

_obserr() {
    local i cur prev opts cmd
    COMPREPLY=()
    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
        cur="$2"
    else
        cur="${COMP_WORDS[COMP_CWORD]}"
    fi
    prev="$3"
    cmd=""
    opts=""

    for i in "${COMP_WORDS[@]:0:COMP_CWORD}"
    do
        case "${cmd},${i}" in
            ",$1")
                cmd="obserr"
                ;;
            obserr,completions)
                cmd="obserr__subcmd__completions"
                ;;
            obserr,decode)
                cmd="obserr__subcmd__decode"
                ;;
            obserr,explain)
                cmd="obserr__subcmd__explain"
                ;;
            obserr,help)
                cmd="obserr__subcmd__help"
                ;;
            obserr,list)
                cmd="obserr__subcmd__list"
                ;;
            obserr,man)
                cmd="obserr__subcmd__man"
                ;;
            obserr,scan)
                cmd="obserr__subcmd__scan"
                ;;
            obserr,search)
                cmd="obserr__subcmd__search"
                ;;
            obserr,sigcheck)
                cmd="obserr__subcmd__sigcheck"
                ;;
            obserr__subcmd__help,completions)
                cmd="obserr__subcmd__help__subcmd__completions"
                ;;
            obserr__subcmd__help,decode)
                cmd="obserr__subcmd__help__subcmd__decode"
                ;;
            obserr__subcmd__help,explain)
                cmd="obserr__subcmd__help__subcmd__explain"
                ;;
            obserr__subcmd__help,help)
                cmd="obserr__subcmd__help__subcmd__help"
                ;;
            obserr__subcmd__help,list)
                cmd="obserr__subcmd__help__subcmd__list"
                ;;
            obserr__subcmd__help,man)
                cmd="obserr__subcmd__help__subcmd__man"
                ;;
            obserr__subcmd__help,scan)
                cmd="obserr__subcmd__help__subcmd__scan"
                ;;
            obserr__subcmd__help,search)
                cmd="obserr__subcmd__help__subcmd__search"
                ;;
            obserr__subcmd__help,sigcheck)
                cmd="obserr__subcmd__help__subcmd__sigcheck"
                ;;
            *)
                ;;
        esac
    done

    case "${cmd}" in
        obserr)
            opts="-h -V --json --color --paging --help --version explain list search decode scan sigcheck completions man help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 1 ]] ; then
                COMPREPLY=( $(__obserr_compgen "${opts}" "${cur}") )
                return 0
            fi
            case "${prev}" in
                --color)
                    COMPREPLY=($(__obserr_compgen "auto always never" "${cur}"))
                    return 0
                    ;;
                --paging)
                    COMPREPLY=($(__obserr_compgen "auto always never" "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(__obserr_compgen "${opts}" "${cur}") )
            return 0
            ;;
        obserr__subcmd__completions)
            opts="-h --help bash elvish fish powershell zsh"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(__obserr_compgen "${opts}" "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(__obserr_compgen "${opts}" "${cur}") )
            return 0
            ;;
        obserr__subcmd__decode)
            opts="-v -h --verbose --json --color --paging --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(__obserr_compgen "${opts}" "${cur}") )
                return 0
            fi
            case "${prev}" in
                --color)
                    COMPREPLY=($(__obserr_compgen "auto always never" "${cur}"))
                    return 0
                    ;;
                --paging)
                    COMPREPLY=($(__obserr_compgen "auto always never" "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(__obserr_compgen "${opts}" "${cur}") )
            return 0
            ;;
        obserr__subcmd__explain)
            opts="-h --open --json --color --paging --help obsutil console browser AbortedByCallback OBS_STATUS_AbortedByCallback AccessDenied AccessForbidden AccessLabelNotFound AccountProblem AllAccessDisabled AmbiguousGrantByEmailAddress AppendTooLarge AZRedundancyTypeNotSupported BadAccessLabel BadCacheControl OBS_STATUS_BadCacheControl BadContentDispositionFilename OBS_STATUS_BadContentDispositionFilename BadContentEncoding OBS_STATUS_BadContentEncoding BadContentType OBS_STATUS_BadContentType BadDigest BadDomainName BadGrantee OBS_STATUS_BadGrantee BadIfMatchEtag OBS_STATUS_BadIfMatchEtag BadIfNotMatchEtag OBS_STATUS_BadIfNotMatchEtag BadMd5 OBS_STATUS_BadMd5 BadPermission OBS_STATUS_BadPermission BadRequest BucketAlreadyExists BucketAlreadyOwnedByYou BucketExpanding BucketNotEmpty CacheControlTooLong OBS_STATUS_CacheControlTooLong CheckpointFileInvalid Conflict ConnectionFailed OBS_STATUS_ConnectionFailed ContentDispositionFilenameTooLong OBS_STATUS_ContentDispositionFilenameTooLong ContentEncodingTooLong OBS_STATUS_ContentEncodingTooLong ContentTypeTooLong OBS_STATUS_ContentTypeTooLong CredentialsNotSupported CrossLocationLoggingProhibited CustomDomainAreadyExist CustomDomainNotExist DeleteTempFileError DeregisterUserId DirectoryNotEmpty DownloadFileFailed EmailAddressTooLong OBS_STATUS_EmailAddressTooLong EmptyFile OBS_STATUS_EmptyFile EntityTooLarge EntityTooSmall ErrorUnknown OBS_STATUS_ErrorUnknown ExpiredToken FailedToConnect OBS_STATUS_FailedToConnect FailedToIInitializeRequest OBS_STATUS_FailedToIInitializeRequest FileGatewayBucket ForbidAnonReqOverwriteRespHead Forbidden FrozenUserId FsNotSupport FsObjectConflict FsRenameConflict GET_UPLOAD_ID_FAILED OBS_STATUS_GET_UPLOAD_ID_FAILED GetObjectSizeError GetQosTokenException GroupUriTooLong OBS_STATUS_GroupUriTooLong HttpErrorBadRequest OBS_STATUS_HttpErrorBadRequest HttpErrorConflict OBS_STATUS_HttpErrorConflict HttpErrorForbidden OBS_STATUS_HttpErrorForbidden HttpErrorMovedTemporarily OBS_STATUS_HttpErrorMovedTemporarily HttpErrorNotFound OBS_STATUS_HttpErrorNotFound HttpErrorUnknown OBS_STATUS_HttpErrorUnknown IfMatchEtagTooLong OBS_STATUS_IfMatchEtagTooLong IfNotMatchEtagTooLong OBS_STATUS_IfNotMatchEtagTooLong IllegalLocationConstraintException IllegalVersioningConfigurationException InArrearOrInsufficientBalance IncompleteBody IncompletedDownload IncompletedUpload IncorrectNumberOfFilesInPostRequest InitateMultipartUploadFailed InitCurlFailed OBS_STATUS_InitCurlFailed InlineDataTooLarge InnerError InsufficientStorageSpace InternalError Interrupted OBS_STATUS_Interrupted InvalidAccessKeyId InvalidAddressingHeader InvalidArgument InvalidBucket InvalidBucketName InvalidBucketState InvalidBucketStoragePolicy InvalidContentLength InvalidDefaultStorageClass InvalidDigest InvalidEncryptionAlgorithmError InvalidKey OBS_STATUS_InvalidKey InvalidLocationConstraint InvalidObjectState InvalidParameter OBS_STATUS_InvalidParameter InvalidPart InvalidPartOrder InvalidPayer InvalidPolicyDocument InvalidRange InvalidRedirectLocation InvalidRequest InvalidRequestBody InvalidSecurity InvalidSOAPRequest InvalidStorageClass InvalidTag InvalidTagError InvalidTargetBucketForLogging InvalidToken InvalidURI InventoryCountOverLimit JSON_CREATE_ERROR OBS_STATUS_JSON_CREATE_ERROR JSON_PARSE_ERROR OBS_STATUS_JSON_PARSE_ERROR KeyTooLong KeyTooLongError KMS.DisabledException KMS.NotFoundException MalformedACLError MalformedError MalformedLoggingStatus MalformedObjectLockError MalformedPolicy MalformedPOSTRequest MalformedQuotaError MalformedXML MalformedXMLError MaxMessageLengthExceeded MaxPostPreDataLengthExceededError Md5TooLong OBS_STATUS_Md5TooLong MetadataHeadersTooLong OBS_STATUS_MetadataHeadersTooLong MetadataNameDuplicate OBS_STATUS_MetadataNameDuplicate MetadataTooLarge MethodNotAllowed MissingAttachment MissingContentLength MissingRegion MissingRequestBodyError MissingRequiredHeader MissingSecurityElement MissingSecurityHeader MovedPermanently MultipleContentLengths NameLookupError OBS_STATUS_NameLookupError NoLoggingStatusForKey NoSuchBucket NoSuchBucketAlias NoSuchBucketPolicy NoSuchCORSConfiguration NoSuchCustomDomain NoSuchEncryptionConfiguration NoSuchInventoryConfiguration NoSuchKey NoSuchLifecycleConfiguration NoSuchPolicy NoSuchReplicationConfiguration NoSuchTagSet NoSuchTrashConfiguration NoSuchUpload NoSuchUploadFile NoSuchVersion NoSuchWebsiteConfiguration NotAcceptable NotFound NotImplemented NotModified NoToken OBS_STATUS_NoToken NotSeekableUploadStream NotSignedUp NotSuchBucketPolicy NULL_HOSTNAME OBS_STATUS_NULL_HOSTNAME NULL_SECRETE_ACCESS_KEY OBS_STATUS_NULL_SECRETE_ACCESS_KEY NullUploadStream ObjectHasAlreadyRestored ObjectNotAppendable OpenFileFailed OBS_STATUS_OpenFileFailed OperationAborted OperationNotSupported OutOfMemory OBS_STATUS_OutOfMemory ParseCheckpointFileError PartialFile OBS_STATUS_PartialFile PermanentRedirect PermissionTooLong OBS_STATUS_PermissionTooLong PositionNotEqualToLength PreconditionFailed PrefixExistInclusionRelationship QueryParamsTooLong OBS_STATUS_QueryParamsTooLong QuotaTooSmall OBS_STATUS_QuotaTooSmall ReadCheckpointFileError Redirect Request-URITooLarge RequestEntityTooLarge RequestIsNotMultiPartContent RequestPayerDenied RequestTimeout RequestTimeTooSkewed RequestTorrentOfBucketError ResponseCode-1 RestoreAlreadyInProgress Security_Function_Failed OBS_STATUS_Security_Function_Failed ServerFailedVerification OBS_STATUS_ServerFailedVerification ServiceNotImplemented ServiceNotSupported ServiceUnavailable SignatureDoesNotMatch SlowDown SymlinkTargetNotExist SYS.0001 SYS.0003 SYS.0004 SYS.0005 SYS.0006 SYS.0007 SYS.0008 SYS.0009 SYS.0010 SYS.0011 SYS.0012 SYS.0013 SYS.0014 SYS.0015 SYS.0016 SYS.0018 SYS.0019 SYS.0020 SYS.0021 SYS.0022 SYS.0023 SYS.0024 SYS.0025 SYS.0026 SYS.0027 SYS.0028 SYS.0029 SYS.0030 SYS.0031 SYS.0032 SYS.0033 SYS.0034 SYS.0035 SYS.0036 SYS.0037 SYS.0038 SYS.0039 SYS.0040 SYS.0041 SYS.0042 SYS.0043 SYS.0044 SystemCapacityNotenough TemporaryRedirect TokenRefreshRequired TooManyBuckets TooManyCustomDomains TooManyGrants OBS_STATUS_TooManyGrants TooManyObjectCopied TooManyRequests TooManyWrongSignature Unauthorized UnexpectedContent UnprocessableEntity UnresolvableGrantByEmailAddress UploadFileFailed UriTooLong OBS_STATUS_UriTooLong UserDisplayNameTooLong OBS_STATUS_UserDisplayNameTooLong UserIdTooLong OBS_STATUS_UserIdTooLong UserKeyMustBeSpecified UserRestricted VirtualHostDomainRequired WebsiteRedirect WriteCheckpointFileError XmlDocumentTooLarge OBS_STATUS_XmlDocumentTooLarge XmlParseFailure OBS_STATUS_XmlParseFailure Obs.0000 Obs.0001 Obs.0002 Obs.0003 Obs.0004 Obs.0005 Obs.0006 Obs.0007 Obs.0008 Obs.0009 Obs.0010 Obs.0011 Obs.0012 Obs.0013 Obs.0014 Obs.0015 Obs.0016 Obs.0017 Obs.0018 Obs.0019 Obs.0020 Obs.0021 Obs.0022 Obs.0023 Obs.0024 Obs.0025 Obs.0026 Obs.0027 Obs.0028 Obs.0029 Obs.0030 Obs.0031 Obs.0032 Obs.0033 Obs.0034 Obs.0035"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(__obserr_compgen "${opts}" "${cur}") )
                return 0
            fi
            case "${prev}" in
                --color)
                    COMPREPLY=($(__obserr_compgen "auto always never" "${cur}"))
                    return 0
                    ;;
                --paging)
                    COMPREPLY=($(__obserr_compgen "auto always never" "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(__obserr_compgen "${opts}" "${cur}") )
            return 0
            ;;
        obserr__subcmd__help)
            opts="explain list search decode scan sigcheck completions man help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(__obserr_compgen "${opts}" "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(__obserr_compgen "${opts}" "${cur}") )
            return 0
            ;;
        obserr__subcmd__help__subcmd__completions)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(__obserr_compgen "${opts}" "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(__obserr_compgen "${opts}" "${cur}") )
            return 0
            ;;
        obserr__subcmd__help__subcmd__decode)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(__obserr_compgen "${opts}" "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(__obserr_compgen "${opts}" "${cur}") )
            return 0
            ;;
        obserr__subcmd__help__subcmd__explain)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(__obserr_compgen "${opts}" "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(__obserr_compgen "${opts}" "${cur}") )
            return 0
            ;;
        obserr__subcmd__help__subcmd__help)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(__obserr_compgen "${opts}" "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(__obserr_compgen "${opts}" "${cur}") )
            return 0
            ;;
        obserr__subcmd__help__subcmd__list)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(__obserr_compgen "${opts}" "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(__obserr_compgen "${opts}" "${cur}") )
            return 0
            ;;
        obserr__subcmd__help__subcmd__man)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(__obserr_compgen "${opts}" "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(__obserr_compgen "${opts}" "${cur}") )
            return 0
            ;;
        obserr__subcmd__help__subcmd__scan)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(__obserr_compgen "${opts}" "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(__obserr_compgen "${opts}" "${cur}") )
            return 0
            ;;
        obserr__subcmd__help__subcmd__search)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(__obserr_compgen "${opts}" "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(__obserr_compgen "${opts}" "${cur}") )
            return 0
            ;;
        obserr__subcmd__help__subcmd__sigcheck)
            opts=""
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 3 ]] ; then
                COMPREPLY=( $(__obserr_compgen "${opts}" "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(__obserr_compgen "${opts}" "${cur}") )
            return 0
            ;;
        obserr__subcmd__list)
            opts="-s -h --status --source --kind --retryable --json --color --paging --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(__obserr_compgen "${opts}" "${cur}") )
                return 0
            fi
            case "${prev}" in
                --status)
                    COMPREPLY=($(__obserr_compgen "301 304 307 3xx 400 401 403 404 405 406 408 409 411 412 413 414 416 422 429 431 4xx 500 501 503 5xx" "${cur}"))
                    return 0
                    ;;
                -s)
                    COMPREPLY=($(__obserr_compgen "301 304 307 3xx 400 401 403 404 405 406 408 409 411 412 413 414 416 422 429 431 4xx 500 501 503 5xx" "${cur}"))
                    return 0
                    ;;
                --source)
                    COMPREPLY=($(__obserr_compgen "obs_21_2002 api-ref s3api swiftapi api-ref-put-inventory api-ref-get-inventory api-ref-get-encryption api-ref-get-replication api-ref-put-object-tags api-ref-put-object-worm api-ref-options-bucket api-ref-options-object s3api-get-encryption s3api-get-replication s3api-put-bucket-tagging s3api-put-object-worm oef-api append-object errorcode-0017 errorcode-0018 errorcode-0029 obsa c-sdk-server java-sdk dotnet-sdk dotnet-sdk-status nodejs-sdk c-sdk obsutil console browser" "${cur}"))
                    return 0
                    ;;
                --kind)
                    COMPREPLY=($(__obserr_compgen "server client tool sdk-status" "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(__obserr_compgen "auto always never" "${cur}"))
                    return 0
                    ;;
                --paging)
                    COMPREPLY=($(__obserr_compgen "auto always never" "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(__obserr_compgen "${opts}" "${cur}") )
            return 0
            ;;
        obserr__subcmd__man)
            opts="-h --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(__obserr_compgen "${opts}" "${cur}") )
                return 0
            fi
            case "${prev}" in
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(__obserr_compgen "${opts}" "${cur}") )
            return 0
            ;;
        obserr__subcmd__scan)
            opts="-L -h --by --since --until --no-mmap --follow-links --failed-objects --merge --follow --json --color --paging --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(__obserr_compgen "${opts}" "${cur}") )
                return 0
            fi
            case "${prev}" in
                --by)
                    COMPREPLY=($(__obserr_compgen "code status operation bucket prefix key requester ip minute" "${cur}"))
                    return 0
                    ;;
                --since)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --until)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(__obserr_compgen "auto always never" "${cur}"))
                    return 0
                    ;;
                --paging)
                    COMPREPLY=($(__obserr_compgen "auto always never" "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(__obserr_compgen "${opts}" "${cur}") )
            return 0
            ;;
        obserr__subcmd__search)
            opts="-n -h --limit --json --color --paging --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(__obserr_compgen "${opts}" "${cur}") )
                return 0
            fi
            case "${prev}" in
                --limit)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                -n)
                    COMPREPLY=($(compgen -f "${cur}"))
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(__obserr_compgen "auto always never" "${cur}"))
                    return 0
                    ;;
                --paging)
                    COMPREPLY=($(__obserr_compgen "auto always never" "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(__obserr_compgen "${opts}" "${cur}") )
            return 0
            ;;
        obserr__subcmd__sigcheck)
            opts="-h --secret-key-file --json --color --paging --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(__obserr_compgen "${opts}" "${cur}") )
                return 0
            fi
            case "${prev}" in
                --secret-key-file)
                    local oldifs
                    if [ -n "${IFS+x}" ]; then
                        oldifs="$IFS"
                    fi
                    IFS=$'\n'
                    COMPREPLY=($(compgen -f "${cur}"))
                    if [ -n "${oldifs+x}" ]; then
                        IFS="$oldifs"
                    fi
                    if [[ "${BASH_VERSINFO[0]}" -ge 4 ]]; then
                        compopt -o filenames
                    fi
                    return 0
                    ;;
                --color)
                    COMPREPLY=($(__obserr_compgen "auto always never" "${cur}"))
                    return 0
                    ;;
                --paging)
                    COMPREPLY=($(__obserr_compgen "auto always never" "${cur}"))
                    return 0
                    ;;
                *)
                    COMPREPLY=()
                    ;;
            esac
            COMPREPLY=( $(__obserr_compgen "${opts}" "${cur}") )
            return 0
            ;;
    esac
}

if [[ "${BASH_VERSINFO[0]}" -eq 4 && "${BASH_VERSINFO[1]}" -ge 4 || "${BASH_VERSINFO[0]}" -gt 4 ]]; then
    complete -F _obserr -o nosort -o bashdefault -o default obserr
else
    complete -F _obserr -o bashdefault -o default obserr
fi
