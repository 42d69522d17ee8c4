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
            opts="-h -V --json --color --paging --help --version explain list search decode sigcheck completions man help"
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
            opts="-h --json --color --paging --help"
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
            opts="-h --open --json --color --paging --help AccessDenied AccessForbidden AccountProblem AllAccessDisabled AmbiguousGrantByEmailAddress AZRedundancyTypeNotSupported BadDigest BadDomainName BadRequest BucketAlreadyExists BucketAlreadyOwnedByYou BucketExpanding BucketNotEmpty CredentialsNotSupported CustomDomainAreadyExist CustomDomainNotExist DeregisterUserId DirectoryNotEmpty EntityTooLarge EntityTooSmall FileGatewayBucket ForbidAnonReqOverwriteRespHead FrozenUserId FsNotSupport FsObjectConflict FsRenameConflict IllegalLocationConstraintException IllegalVersioningConfigurationException InArrearOrInsufficientBalance IncompleteBody IncorrectNumberOfFilesInPostRequest InlineDataTooLarge InsufficientStorageSpace InternalError InvalidAccessKeyId InvalidAddressingHeader InvalidArgument InvalidBucket InvalidBucketName InvalidBucketState InvalidBucketStoragePolicy InvalidContentLength InvalidDefaultStorageClass InvalidDigest InvalidEncryptionAlgorithmError InvalidLocationConstraint InvalidObjectState InvalidPart InvalidPartOrder InvalidPayer InvalidPolicyDocument InvalidRange InvalidRedirectLocation InvalidRequest InvalidRequestBody InvalidSecurity InvalidStorageClass InvalidTagError InvalidTargetBucketForLogging InvalidURI KeyTooLong KeyTooLongError KMS.DisabledException KMS.NotFoundException MalformedACLError MalformedError MalformedLoggingStatus MalformedPolicy MalformedPOSTRequest MalformedQuotaError MalformedXML MalformedXMLError MaxMessageLengthExceeded MaxPostPreDataLengthExceededError MetadataTooLarge MethodNotAllowed MissingContentLength MissingRegion MissingRequestBodyError MissingRequiredHeader MissingSecurityHeader MultipleContentLengths NoSuchBucket NoSuchBucketPolicy NoSuchCORSConfiguration NoSuchCustomDomain NoSuchKey NoSuchLifecycleConfiguration NoSuchPolicy NoSuchTagSet NoSuchUpload NoSuchVersion NoSuchWebsiteConfiguration NotImplemented NotSignedUp NotSuchBucketPolicy ObjectHasAlreadyRestored ObjectNotAppendable OperationAborted PermanentRedirect PreconditionFailed Redirect Request-URITooLarge RequestIsNotMultiPartContent RequestPayerDenied RequestTimeout RequestTimeTooSkewed RequestTorrentOfBucketError RestoreAlreadyInProgress ServiceNotImplemented ServiceNotSupported ServiceUnavailable SignatureDoesNotMatch SlowDown SystemCapacityNotenough TemporaryRedirect TooManyBuckets TooManyCustomDomains TooManyObjectCopied TooManyRequests TooManyWrongSignature Unauthorized UnexpectedContent UnresolvableGrantByEmailAddress UserKeyMustBeSpecified VirtualHostDomainRequired WebsiteRedirect"
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
            opts="explain list search decode sigcheck completions man help"
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
            opts="-s -h --status --source --json --color --paging --help"
            if [[ ${cur} == -* || ${COMP_CWORD} -eq 2 ]] ; then
                COMPREPLY=( $(__obserr_compgen "${opts}" "${cur}") )
                return 0
            fi
            case "${prev}" in
                --status)
                    COMPREPLY=($(__obserr_compgen "301 307 3xx 400 403 404 405 408 409 411 412 414 416 429 4xx 500 501 503 5xx" "${cur}"))
                    return 0
                    ;;
                -s)
                    COMPREPLY=($(__obserr_compgen "301 307 3xx 400 403 404 405 408 409 411 412 414 416 429 4xx 500 501 503 5xx" "${cur}"))
                    return 0
                    ;;
                --source)
                    COMPREPLY=($(__obserr_compgen "obs_21_2002 api-ref s3api" "${cur}"))
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
            opts="-h --secret-key-file --secret-key --json --color --paging --help"
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
                --secret-key)
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
    esac
}

if [[ "${BASH_VERSINFO[0]}" -eq 4 && "${BASH_VERSINFO[1]}" -ge 4 || "${BASH_VERSINFO[0]}" -gt 4 ]]; then
    complete -F _obserr -o nosort -o bashdefault -o default obserr
else
    complete -F _obserr -o bashdefault -o default obserr
fi
