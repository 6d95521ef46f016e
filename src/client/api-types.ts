// Generated from docs/openapi.json by `npm run api:types` (openapi-typescript). Do not edit: change the
// routes' schemas (src/http/routes/*.ts, src/http/schemas.ts) and run the command again.
export interface paths {
    "/api/v1/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create an account (the token is shown once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        displayName: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            token: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit log, newest first; filtered by actor, action, target (exact) and time [from, to) */
        get: {
            parameters: {
                query: {
                    /** @description e.g. case.decided */
                    action?: string;
                    /** @description e.g. staff:usr_…, cli:alice, system */
                    actor?: string;
                    cursor?: string;
                    /** @description ISO 8601 time (UTC when no offset), inclusive */
                    from?: string;
                    limit: number;
                    /** @description e.g. case:cas_… */
                    target?: string;
                    /** @description ISO 8601 time, exclusive */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            entries: {
                                action: string;
                                actor: string;
                                at: string;
                                data: unknown;
                                hash: string;
                                prevHash: string;
                                seq: number;
                                target: string | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Verify one chunk of the hash chain, after entry `after`; call again from `through` until `done`
         * @description Reports the first changed, inserted or deleted entry in the chunk. A request verifies at most `limit` entries, so its cost does not grow with the log; the console walks the whole chain chunk by chunk and shows its progress.
         */
        get: {
            parameters: {
                query: {
                    /** @description The last entry a previous chunk verified (0: from the start) */
                    after: number;
                    limit: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Nothing follows `through` */
                            done?: boolean;
                            /** @description Entries verified in this chunk (before the first bad one) */
                            entries: number;
                            /** @description The newest entry in the log now */
                            head: number;
                            message?: string;
                            ok: boolean;
                            reason?: "missing" | "inserted" | "hash_mismatch" | "broken_link";
                            /** @description The first bad entry */
                            seq?: number;
                            /** @description The last entry verified; pass as `after` for the next chunk */
                            through?: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** API keys (never the secrets) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            keys: {
                                country: string | null;
                                createdAt: string;
                                id: string;
                                kind: "trusted_flagger" | "authority" | "platform";
                                org: string;
                                revokedAt: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create an API key for a trusted flagger, authority or platform (shown once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        country?: null | string;
                        kind: "trusted_flagger" | "authority" | "platform";
                        org: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            country: string | null;
                            createdAt: string;
                            id: string;
                            kind: "trusted_flagger" | "authority" | "platform";
                            org: string;
                            revokedAt: string | null;
                        } & {
                            key: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/keys/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke an API key at once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            country: string | null;
                            createdAt: string;
                            id: string;
                            kind: "trusted_flagger" | "authority" | "platform";
                            org: string;
                            revokedAt: string | null;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Staff users */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            users: {
                                createdAt: string;
                                disabledAt: string | null;
                                email: string;
                                id: string;
                                /** @description triage < moderator < senior < admin */
                                role: "triage" | "moderator" | "senior" | "admin";
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create a staff user; the one-time password is shown once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        /** @description triage < moderator < senior < admin */
                        role: "triage" | "moderator" | "senior" | "admin";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            password: string;
                            user: {
                                createdAt: string;
                                disabledAt: string | null;
                                email: string;
                                id: string;
                                /** @description triage < moderator < senior < admin */
                                role: "triage" | "moderator" | "senior" | "admin";
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a staff user's role, or disable (ends sessions, revokes tokens) or re-enable them */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        disabled?: boolean;
                        /** @description triage < moderator < senior < admin */
                        role?: "triage" | "moderator" | "senior" | "admin";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                createdAt: string;
                                disabledAt: string | null;
                                email: string;
                                id: string;
                                /** @description triage < moderator < senior < admin */
                                role: "triage" | "moderator" | "senior" | "admin";
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/appeals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The appeals queue, earliest deadline first (senior) */
        get: {
            parameters: {
                query: {
                    cursor?: string;
                    limit: number;
                    /** @description Only open appeals past their deadline */
                    overdue?: boolean;
                    state?: "open" | "upheld" | "reversed";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            appeals: {
                                appellant: "owner" | "reporter";
                                caseId: string;
                                createdAt: string;
                                decidedAt: string | null;
                                decisionId: string;
                                dueAt: string;
                                id: string;
                                overdue: boolean;
                                reason: string;
                                state: "open" | "upheld" | "reversed";
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /**
         * Appeal a decision: the owner with a notice id, or a reporter with a report id and receipt
         * @description Within six months of the decision; once per decision and appellant. 401 without the owning account for a notice, 403 `not_your_notice`, 404 for an unknown notice or a report whose receipt does not match, 409 `already_appealed` / `not_appealable` / `not_decided` / `decision_reversed`, 410 `appeal_window_closed`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        evidence?: string;
                        /** @description An owner notice's id (GET /api/v1/notices); needs the owning account's token */
                        noticeId?: string;
                        /** @description Why the decision is wrong: 10–5000 characters */
                        reason: string;
                        /** @description The report's receipt (or send the account or key that filed it) */
                        receipt?: string;
                        /** @description Your report, which ended without action */
                        reportId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description When a senior should have decided it */
                            dueAt: string;
                            id: string;
                            /** @description Keep it: it opens the appeal's status page */
                            receipt: string;
                            /** @enum {string} */
                            state: "open";
                            statusUrl: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/appeals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An appeal's state and outcome (with its receipt, or as the account or reporter that filed it) */
        get: {
            parameters: {
                query?: {
                    receipt?: string;
                };
                header?: {
                    "x-receipt"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            appellant: "owner" | "reporter";
                            createdAt: string;
                            decision: {
                                actions: ("block" | "remove_posts" | "restrict_in_jurisdiction" | "warn_owner")[];
                                category: string | null;
                                categoryTitle: string | null;
                                decidedAt: string;
                                id: string;
                                outcome: "actioned" | "no_violation" | "protected_expression" | "out_of_scope";
                                statement: string;
                            };
                            dueAt: string;
                            evidence: string | null;
                            id: string;
                            outcome: {
                                decidedAt: string;
                                state: "upheld" | "reversed";
                                statement: string;
                            } | null;
                            reason: string;
                            state: "open" | "upheld" | "reversed";
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/appeals/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Uphold or reverse a decision on appeal (a senior who did not take it)
         * @description A reversal restores the subject, releases holds, withdraws the media the decision banked, and gives the owner a new notice and every reporter a new answer; a reversed no-action decision sends the case back to review. 403 `own_decision` for the senior who took the decision.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        outcome: "upheld" | "reversed";
                        statement: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            appellant: "owner" | "reporter";
                            createdAt: string;
                            decision: {
                                actions: ("block" | "remove_posts" | "restrict_in_jurisdiction" | "warn_owner")[];
                                category: string | null;
                                categoryTitle: string | null;
                                decidedAt: string;
                                id: string;
                                outcome: "actioned" | "no_violation" | "protected_expression" | "out_of_scope";
                                statement: string;
                            };
                            dueAt: string;
                            evidence: string | null;
                            id: string;
                            outcome: {
                                decidedAt: string;
                                state: "upheld" | "reversed";
                                statement: string;
                            } | null;
                            reason: string;
                            state: "open" | "upheld" | "reversed";
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/appeals/{id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An appeal with the original case and decision (senior) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            appellant: "owner" | "reporter";
                            case: {
                                assigneeId: string | null;
                                categories: string[];
                                category: string;
                                /** @description Signs of coordinated reporting; they never block a subject or raise priority */
                                coordination: {
                                    /** @description Reporters whose account was created, or address first seen, at most an hour before the case opened, or since */
                                    freshReporters: number;
                                    /** @description The most reports sharing one explanation text */
                                    sameTextReports: number;
                                };
                                createdAt: string;
                                decidedAt: string | null;
                                decision: {
                                    actions: ("block" | "remove_posts" | "restrict_in_jurisdiction" | "warn_owner")[];
                                    category: string | null;
                                    createdAt: string;
                                    decidedBy: string;
                                    id: string;
                                    jurisdiction: string | null;
                                    outcome: "actioned" | "no_violation" | "protected_expression" | "out_of_scope";
                                    postIds: string[];
                                    reversedAt: string | null;
                                    statement: string;
                                } | null;
                                /** @description Events in the case log */
                                eventCount: number;
                                /** @description The latest 200 events of the case log, in order; eventCount says how many there are */
                                events: {
                                    actor: string;
                                    at: string;
                                    data: {
                                        [key: string]: unknown;
                                    };
                                    kind: string;
                                    reason: string | null;
                                    seq: number;
                                }[];
                                id: string;
                                /** @description triage: a severe claim no credible reporter backs; it has the short triage clock but keeps its low priority */
                                lane: "normal" | "triage";
                                language: string | null;
                                lifeAtRisk: boolean;
                                /** @description Subjects linked by near-duplicate and mirror signals, with the evidence */
                                linkedSubjects: {
                                    caseId: string;
                                    /** @description What links them: shared owner, removed media, near-duplicate text, the same external links */
                                    evidence: ("owner" | "media" | "text" | "links")[];
                                    platform: string;
                                    relation: "mirror" | "near_duplicate";
                                    /** @description original: the decided case this case's subject copies; mirror: another subject copying this case's subject or the same original */
                                    role: "original" | "mirror";
                                    state: "open" | "in_review" | "escalated" | "decided" | "reversed";
                                    subject: {
                                        id: string;
                                        kind: string;
                                    };
                                    subjectLabel: string | null;
                                }[];
                                outcome: ("actioned" | "no_violation" | "protected_expression" | "out_of_scope") | null;
                                overdue: boolean;
                                /** @description 'reference' for the bundled platform, else the connected platform's name */
                                platform: string;
                                priority: number;
                                reach: number;
                                /** @description Other cases about the same owner's subjects */
                                relatedCases: {
                                    category: string;
                                    createdAt: string;
                                    id: string;
                                    outcome: ("actioned" | "no_violation" | "protected_expression" | "out_of_scope") | null;
                                    state: "open" | "in_review" | "escalated" | "decided" | "reversed";
                                    subject: {
                                        id: string;
                                        kind: string;
                                    };
                                    subjectLabel: string | null;
                                }[];
                                reportCount: number;
                                reporterCount: number;
                                /** @description The latest 100 reports, in the order they came; reportCount says how many there are */
                                reports: {
                                    category: string;
                                    /** @description The category or in-app reason as the reporter sent it */
                                    claimed: string;
                                    createdAt: string;
                                    evidence: string | null;
                                    explanation: string | null;
                                    explanationLanguage: string | null;
                                    id: string;
                                    jurisdiction: string | null;
                                    legalBasis: string | null;
                                    lifeAtRisk: boolean;
                                    orderReference: string | null;
                                    postIds: string[];
                                    /** @description Who reported: only for staff who may see reporters */
                                    reporter?: {
                                        email: string | null;
                                        label: string | null;
                                        name: string | null;
                                    };
                                    source: "anonymous" | "in_app" | "trusted_flagger" | "authority" | "platform" | "automated" | "email";
                                    status: string;
                                }[];
                                reportSplit: {
                                    /** @description Heaviest first; equal weights in policy order (more severe first) */
                                    byCategory: {
                                        category: string;
                                        /** @description Distinct reporters in this category */
                                        reporters: number;
                                        /** @description Reports in this category */
                                        reports: number;
                                        /** @description The category's credibility-weighted sum as the case keeps it (source × track record, a tenth while unproven, unproven reporters capped together) */
                                        weight: number;
                                    }[];
                                    bySource: {
                                        reports: number;
                                        source: "anonymous" | "in_app" | "trusted_flagger" | "authority" | "platform" | "automated" | "email";
                                    }[];
                                    suggestedCategory: string | null;
                                    /** @description The suggested category won a tie on weight by being more severe */
                                    tie: boolean;
                                };
                                secondsToDue: number;
                                /** @description The latest 50 signals, in order */
                                signals: ({
                                    at: string;
                                } & {
                                    [key: string]: unknown;
                                })[];
                                slaDueAt: string;
                                sources: ("anonymous" | "in_app" | "trusted_flagger" | "authority" | "platform" | "automated" | "email")[];
                                state: "open" | "in_review" | "escalated" | "decided" | "reversed";
                                subject: {
                                    id: string;
                                    kind: string;
                                };
                                subjectLabel?: string | null;
                                subjectNow: ({
                                    createdAt: string;
                                    /** @description Set when a connected platform deleted it */
                                    deletedAt?: string;
                                    description: string;
                                    handle: string;
                                    id: string;
                                    /** @enum {string} */
                                    kind: "channel";
                                    link: string;
                                    recentPosts: {
                                        createdAt: string;
                                        /** @description Set when a connected platform deleted the post after it was reported */
                                        deletedAt?: string;
                                        id: string;
                                        link: string;
                                        media: {
                                            height?: number;
                                            id: string;
                                            mime: string;
                                            sha256: string;
                                            size: number;
                                            /** @description Where a connected platform serves it: a link for reviewers, never loaded by Vigil */
                                            url?: string;
                                            width?: number;
                                        }[];
                                        number: number;
                                        reported: boolean;
                                        text: string;
                                    }[];
                                    reportedPosts: {
                                        createdAt: string;
                                        /** @description Set when a connected platform deleted the post after it was reported */
                                        deletedAt?: string;
                                        id: string;
                                        link: string;
                                        media: {
                                            height?: number;
                                            id: string;
                                            mime: string;
                                            sha256: string;
                                            size: number;
                                            /** @description Where a connected platform serves it: a link for reviewers, never loaded by Vigil */
                                            url?: string;
                                            width?: number;
                                        }[];
                                        number: number;
                                        reported: boolean;
                                        text: string;
                                    }[];
                                    subscribers: number;
                                    title: string;
                                } | {
                                    createdAt: string;
                                    /** @description Set when a connected platform deleted it */
                                    deletedAt?: string;
                                    description: string;
                                    handle: string;
                                    id: string;
                                    /** @enum {string} */
                                    kind: "bot";
                                    link: string;
                                    picture: {
                                        height?: number;
                                        id: string;
                                        mime: string;
                                        sha256: string;
                                        size: number;
                                        /** @description Where a connected platform serves it: a link for reviewers, never loaded by Vigil */
                                        url?: string;
                                        width?: number;
                                    } | null;
                                    recentMessages: {
                                        createdAt: string;
                                        id: string;
                                        text: string;
                                    }[];
                                } | {
                                    createdAt: string;
                                    /** @description Set when a connected platform deleted it */
                                    deletedAt?: string;
                                    id: string;
                                    /** @enum {string} */
                                    kind: "sticker_set";
                                    link: string;
                                    name: string;
                                    stickers: {
                                        height?: number;
                                        id: string;
                                        mime: string;
                                        sha256: string;
                                        size: number;
                                        /** @description Where a connected platform serves it: a link for reviewers, never loaded by Vigil */
                                        url?: string;
                                        width?: number;
                                    }[];
                                    title: string;
                                }) | null;
                                triageDueAt: string | null;
                                updatedAt: string;
                            };
                            caseId: string;
                            createdAt: string;
                            decidedAt: string | null;
                            decidedBy: string | null;
                            decision: {
                                actions: ("block" | "remove_posts" | "restrict_in_jurisdiction" | "warn_owner")[];
                                category: string | null;
                                categoryTitle: string | null;
                                decidedAt: string;
                                decidedBy: string;
                                id: string;
                                outcome: "actioned" | "no_violation" | "protected_expression" | "out_of_scope";
                                reversedAt: string | null;
                                statement: string;
                            };
                            decisionId: string;
                            dueAt: string;
                            evidence: string | null;
                            id: string;
                            /** @description Open, and the caller did not take the decision under appeal */
                            mayDecide: boolean;
                            outcome: {
                                decidedAt: string;
                                state: "upheld" | "reversed";
                                statement: string;
                            } | null;
                            overdue: boolean;
                            reason: string;
                            state: "open" | "upheld" | "reversed";
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/appeals/counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Appeals: open, overdue, upheld, reversed */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            open: number;
                            overdue: number;
                            reversed: number;
                            upheld: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bank-entries/{id}/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark an entry benign (a false positive that never matches again) or withdraw it (deleted) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        status: "benign" | "withdrawn";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/banks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Hash banks with entry counts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            banks: {
                                /** @description Entries that match */
                                active: number;
                                /** @description terrorism, csam, ncii, other */
                                category: string;
                                created_at: string;
                                description: string;
                                id: string;
                                name: string;
                                /** @description Entries of every status */
                                total: number;
                            }[];
                            /** @description Hashes in this process’s matcher */
                            indexed: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Create a hash bank (admin) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        category: "terrorism" | "csam" | "ncii" | "other";
                        description?: string;
                        name: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description terrorism, csam, ncii, other */
                            category: string;
                            created_at: string;
                            description: string;
                            id: string;
                            name: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/banks/{name}/entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Browse a bank’s entries with their match counts */
        get: {
            parameters: {
                query: {
                    cursor?: string;
                    limit: number;
                };
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            bank: {
                                /** @description terrorism, csam, ncii, other */
                                category: string;
                                created_at: string;
                                description: string;
                                id: string;
                                name: string;
                            };
                            entries: {
                                createdAt: string;
                                hash: string;
                                id: string;
                                label: string | null;
                                lastMatchAt: string | null;
                                matches: number;
                                /** @description import, victim or decision */
                                origin: string;
                                signalType: string;
                                /** @enum {unknown} */
                                status: "active" | "benign" | "withdrawn";
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Add hashes to a bank (admin): lines in any supported hash-list format */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        lines: string[];
                        skipInvalid?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            added: number;
                            duplicates: number;
                            /** @description Lines that are not hashes (skipped) */
                            rejected: {
                                line: number;
                                message: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/banks/{name}/matches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recent uploads that matched this bank */
        get: {
            parameters: {
                query: {
                    limit: number;
                };
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            matches: {
                                at: string;
                                caseId: string | null;
                                /** @description Where the upload was used */
                                context: {
                                    postId?: string | null;
                                    subject?: {
                                        id: string;
                                        kind: string;
                                    };
                                    surface?: string;
                                } & {
                                    [key: string]: unknown;
                                };
                                distance: number;
                                entryId: string;
                                id: string;
                                mediaId: string;
                                signalType: string;
                                verdict: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a bot */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string;
                        handle: string;
                        /** @description media id of an image */
                        picture?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            description: string;
                            handle: string;
                            /** @description Held back from the public for review by automated detection */
                            held?: boolean;
                            id: string;
                            link: string;
                            pictureMediaId: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bots/{handle}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A bot */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    handle: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            description: string;
                            handle: string;
                            /** @description Held back from the public for review by automated detection */
                            held?: boolean;
                            id: string;
                            link: string;
                            pictureMediaId: string | null;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                451: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bots/{handle}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A bot's recent public messages */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    handle: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            messages: {
                                createdAt: string;
                                id: string;
                                text: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                451: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Publish a public message as the bot (its owner); a blocked bot can't */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    handle: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        text: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            id: string;
                            text: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                451: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The review queue */
        get: {
            parameters: {
                query: {
                    /** @description A staff user id, or "me" */
                    assignee?: string;
                    /** @description Only cases past their review deadline */
                    breached?: boolean;
                    category?: string;
                    cursor?: string;
                    /** @description triage: severe claims no credible reporter backs */
                    lane?: "normal" | "triage";
                    /** @description A detected language (ar, ckb, fa, en, …), or 'unknown' */
                    language?: string;
                    limit: number;
                    sort: "priority" | "age";
                    source?: "anonymous" | "in_app" | "trusted_flagger" | "authority" | "platform" | "automated" | "email";
                    state?: "open" | "in_review" | "escalated" | "decided" | "reversed";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cases: {
                                assigneeId: string | null;
                                categories: string[];
                                category: string;
                                /** @description Signs of coordinated reporting; they never block a subject or raise priority */
                                coordination: {
                                    /** @description Reporters whose account was created, or address first seen, at most an hour before the case opened, or since */
                                    freshReporters: number;
                                    /** @description The most reports sharing one explanation text */
                                    sameTextReports: number;
                                };
                                createdAt: string;
                                decidedAt: string | null;
                                id: string;
                                /** @description triage: a severe claim no credible reporter backs; it has the short triage clock but keeps its low priority */
                                lane: "normal" | "triage";
                                language: string | null;
                                lifeAtRisk: boolean;
                                outcome: ("actioned" | "no_violation" | "protected_expression" | "out_of_scope") | null;
                                overdue: boolean;
                                /** @description 'reference' for the bundled platform, else the connected platform's name */
                                platform: string;
                                priority: number;
                                reach: number;
                                reportCount: number;
                                reporterCount: number;
                                secondsToDue: number;
                                slaDueAt: string;
                                sources: ("anonymous" | "in_app" | "trusted_flagger" | "authority" | "platform" | "automated" | "email")[];
                                state: "open" | "in_review" | "escalated" | "decided" | "reversed";
                                subject: {
                                    id: string;
                                    kind: string;
                                };
                                subjectLabel?: string | null;
                                triageDueAt: string | null;
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A case: the subject as it is, reports and how they split, signals, history */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            assigneeId: string | null;
                            categories: string[];
                            category: string;
                            /** @description Signs of coordinated reporting; they never block a subject or raise priority */
                            coordination: {
                                /** @description Reporters whose account was created, or address first seen, at most an hour before the case opened, or since */
                                freshReporters: number;
                                /** @description The most reports sharing one explanation text */
                                sameTextReports: number;
                            };
                            createdAt: string;
                            decidedAt: string | null;
                            decision: {
                                actions: ("block" | "remove_posts" | "restrict_in_jurisdiction" | "warn_owner")[];
                                category: string | null;
                                createdAt: string;
                                decidedBy: string;
                                id: string;
                                jurisdiction: string | null;
                                outcome: "actioned" | "no_violation" | "protected_expression" | "out_of_scope";
                                postIds: string[];
                                reversedAt: string | null;
                                statement: string;
                            } | null;
                            /** @description Events in the case log */
                            eventCount: number;
                            /** @description The latest 200 events of the case log, in order; eventCount says how many there are */
                            events: {
                                actor: string;
                                at: string;
                                data: {
                                    [key: string]: unknown;
                                };
                                kind: string;
                                reason: string | null;
                                seq: number;
                            }[];
                            id: string;
                            /** @description triage: a severe claim no credible reporter backs; it has the short triage clock but keeps its low priority */
                            lane: "normal" | "triage";
                            language: string | null;
                            lifeAtRisk: boolean;
                            /** @description Subjects linked by near-duplicate and mirror signals, with the evidence */
                            linkedSubjects: {
                                caseId: string;
                                /** @description What links them: shared owner, removed media, near-duplicate text, the same external links */
                                evidence: ("owner" | "media" | "text" | "links")[];
                                platform: string;
                                relation: "mirror" | "near_duplicate";
                                /** @description original: the decided case this case's subject copies; mirror: another subject copying this case's subject or the same original */
                                role: "original" | "mirror";
                                state: "open" | "in_review" | "escalated" | "decided" | "reversed";
                                subject: {
                                    id: string;
                                    kind: string;
                                };
                                subjectLabel: string | null;
                            }[];
                            outcome: ("actioned" | "no_violation" | "protected_expression" | "out_of_scope") | null;
                            overdue: boolean;
                            /** @description 'reference' for the bundled platform, else the connected platform's name */
                            platform: string;
                            priority: number;
                            reach: number;
                            /** @description Other cases about the same owner's subjects */
                            relatedCases: {
                                category: string;
                                createdAt: string;
                                id: string;
                                outcome: ("actioned" | "no_violation" | "protected_expression" | "out_of_scope") | null;
                                state: "open" | "in_review" | "escalated" | "decided" | "reversed";
                                subject: {
                                    id: string;
                                    kind: string;
                                };
                                subjectLabel: string | null;
                            }[];
                            reportCount: number;
                            reporterCount: number;
                            /** @description The latest 100 reports, in the order they came; reportCount says how many there are */
                            reports: {
                                category: string;
                                /** @description The category or in-app reason as the reporter sent it */
                                claimed: string;
                                createdAt: string;
                                evidence: string | null;
                                explanation: string | null;
                                explanationLanguage: string | null;
                                id: string;
                                jurisdiction: string | null;
                                legalBasis: string | null;
                                lifeAtRisk: boolean;
                                orderReference: string | null;
                                postIds: string[];
                                /** @description Who reported: only for staff who may see reporters */
                                reporter?: {
                                    email: string | null;
                                    label: string | null;
                                    name: string | null;
                                };
                                source: "anonymous" | "in_app" | "trusted_flagger" | "authority" | "platform" | "automated" | "email";
                                status: string;
                            }[];
                            reportSplit: {
                                /** @description Heaviest first; equal weights in policy order (more severe first) */
                                byCategory: {
                                    category: string;
                                    /** @description Distinct reporters in this category */
                                    reporters: number;
                                    /** @description Reports in this category */
                                    reports: number;
                                    /** @description The category's credibility-weighted sum as the case keeps it (source × track record, a tenth while unproven, unproven reporters capped together) */
                                    weight: number;
                                }[];
                                bySource: {
                                    reports: number;
                                    source: "anonymous" | "in_app" | "trusted_flagger" | "authority" | "platform" | "automated" | "email";
                                }[];
                                suggestedCategory: string | null;
                                /** @description The suggested category won a tie on weight by being more severe */
                                tie: boolean;
                            };
                            secondsToDue: number;
                            /** @description The latest 50 signals, in order */
                            signals: ({
                                at: string;
                            } & {
                                [key: string]: unknown;
                            })[];
                            slaDueAt: string;
                            sources: ("anonymous" | "in_app" | "trusted_flagger" | "authority" | "platform" | "automated" | "email")[];
                            state: "open" | "in_review" | "escalated" | "decided" | "reversed";
                            subject: {
                                id: string;
                                kind: string;
                            };
                            subjectLabel?: string | null;
                            subjectNow: ({
                                createdAt: string;
                                /** @description Set when a connected platform deleted it */
                                deletedAt?: string;
                                description: string;
                                handle: string;
                                id: string;
                                /** @enum {string} */
                                kind: "channel";
                                link: string;
                                recentPosts: {
                                    createdAt: string;
                                    /** @description Set when a connected platform deleted the post after it was reported */
                                    deletedAt?: string;
                                    id: string;
                                    link: string;
                                    media: {
                                        height?: number;
                                        id: string;
                                        mime: string;
                                        sha256: string;
                                        size: number;
                                        /** @description Where a connected platform serves it: a link for reviewers, never loaded by Vigil */
                                        url?: string;
                                        width?: number;
                                    }[];
                                    number: number;
                                    reported: boolean;
                                    text: string;
                                }[];
                                reportedPosts: {
                                    createdAt: string;
                                    /** @description Set when a connected platform deleted the post after it was reported */
                                    deletedAt?: string;
                                    id: string;
                                    link: string;
                                    media: {
                                        height?: number;
                                        id: string;
                                        mime: string;
                                        sha256: string;
                                        size: number;
                                        /** @description Where a connected platform serves it: a link for reviewers, never loaded by Vigil */
                                        url?: string;
                                        width?: number;
                                    }[];
                                    number: number;
                                    reported: boolean;
                                    text: string;
                                }[];
                                subscribers: number;
                                title: string;
                            } | {
                                createdAt: string;
                                /** @description Set when a connected platform deleted it */
                                deletedAt?: string;
                                description: string;
                                handle: string;
                                id: string;
                                /** @enum {string} */
                                kind: "bot";
                                link: string;
                                picture: {
                                    height?: number;
                                    id: string;
                                    mime: string;
                                    sha256: string;
                                    size: number;
                                    /** @description Where a connected platform serves it: a link for reviewers, never loaded by Vigil */
                                    url?: string;
                                    width?: number;
                                } | null;
                                recentMessages: {
                                    createdAt: string;
                                    id: string;
                                    text: string;
                                }[];
                            } | {
                                createdAt: string;
                                /** @description Set when a connected platform deleted it */
                                deletedAt?: string;
                                id: string;
                                /** @enum {string} */
                                kind: "sticker_set";
                                link: string;
                                name: string;
                                stickers: {
                                    height?: number;
                                    id: string;
                                    mime: string;
                                    sha256: string;
                                    size: number;
                                    /** @description Where a connected platform serves it: a link for reviewers, never loaded by Vigil */
                                    url?: string;
                                    width?: number;
                                }[];
                                title: string;
                            }) | null;
                            triageDueAt: string | null;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Claim a case for review */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            assigneeId: string | null;
                            categories: string[];
                            category: string;
                            /** @description Signs of coordinated reporting; they never block a subject or raise priority */
                            coordination: {
                                /** @description Reporters whose account was created, or address first seen, at most an hour before the case opened, or since */
                                freshReporters: number;
                                /** @description The most reports sharing one explanation text */
                                sameTextReports: number;
                            };
                            createdAt: string;
                            decidedAt: string | null;
                            id: string;
                            /** @description triage: a severe claim no credible reporter backs; it has the short triage clock but keeps its low priority */
                            lane: "normal" | "triage";
                            language: string | null;
                            lifeAtRisk: boolean;
                            outcome: ("actioned" | "no_violation" | "protected_expression" | "out_of_scope") | null;
                            overdue: boolean;
                            /** @description 'reference' for the bundled platform, else the connected platform's name */
                            platform: string;
                            priority: number;
                            reach: number;
                            reportCount: number;
                            reporterCount: number;
                            secondsToDue: number;
                            slaDueAt: string;
                            sources: ("anonymous" | "in_app" | "trusted_flagger" | "authority" | "platform" | "automated" | "email")[];
                            state: "open" | "in_review" | "escalated" | "decided" | "reversed";
                            subject: {
                                id: string;
                                kind: string;
                            };
                            subjectLabel?: string | null;
                            triageDueAt: string | null;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/comment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Comment on a case */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        text: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            assigneeId: string | null;
                            categories: string[];
                            category: string;
                            /** @description Signs of coordinated reporting; they never block a subject or raise priority */
                            coordination: {
                                /** @description Reporters whose account was created, or address first seen, at most an hour before the case opened, or since */
                                freshReporters: number;
                                /** @description The most reports sharing one explanation text */
                                sameTextReports: number;
                            };
                            createdAt: string;
                            decidedAt: string | null;
                            id: string;
                            /** @description triage: a severe claim no credible reporter backs; it has the short triage clock but keeps its low priority */
                            lane: "normal" | "triage";
                            language: string | null;
                            lifeAtRisk: boolean;
                            outcome: ("actioned" | "no_violation" | "protected_expression" | "out_of_scope") | null;
                            overdue: boolean;
                            /** @description 'reference' for the bundled platform, else the connected platform's name */
                            platform: string;
                            priority: number;
                            reach: number;
                            reportCount: number;
                            reporterCount: number;
                            secondsToDue: number;
                            slaDueAt: string;
                            sources: ("anonymous" | "in_app" | "trusted_flagger" | "authority" | "platform" | "automated" | "email")[];
                            state: "open" | "in_review" | "escalated" | "decided" | "reversed";
                            subject: {
                                id: string;
                                kind: string;
                            };
                            subjectLabel?: string | null;
                            triageDueAt: string | null;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/credibility": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Why a case has its priority, category and clock, its coordination figures, and its reporters' records */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            caseId: string;
                            category: string;
                            categoryWeights: {
                                category: string;
                                confirmed: boolean;
                                /** @description established + unproven, the latter capped */
                                effective: number;
                                established: number;
                                unproven: number;
                            }[];
                            confirmed: boolean | null;
                            coordination: {
                                freshReporters: number;
                                reporters: number;
                                reports: number;
                                sameTextReports: number;
                                windowMinutes: number;
                            };
                            lane: "normal" | "triage";
                            priority: {
                                /** @description The best credibility among the reporters */
                                credibility: number;
                                crowd: number;
                                /** @description 3 when a reporter says a life may be at risk, else 1 */
                                lifeAtRisk: number;
                                reach: number;
                                /** @description severity² × credibility × crowd × reach × lifeAtRisk */
                                score: number;
                                severity: number;
                                /** @description The priority the queue sorts by (the score when the case was last reported) */
                                stored: number;
                                weighedReporters: number;
                            };
                            /** @description The 50 most credible reporters */
                            reporters: {
                                ageDays: number | null;
                                agreed: number;
                                credibility: number;
                                disagreed: number;
                                key: string | null;
                                misuseSuspected: boolean;
                                reports: number;
                                setAsideUntil: string | null;
                                since: string | null;
                                source: ("anonymous" | "in_app" | "trusted_flagger" | "authority" | "platform" | "automated" | "email") | null;
                                standing: "good" | "warned" | "set_aside";
                                upheldRate: number | null;
                            }[];
                            slaDueAt: string;
                            triageDueAt: string | null;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/decide": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Decide a case; enforcement, answers to reporters and the owner notice follow at once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        actions: ("block" | "remove_posts" | "restrict_in_jurisdiction" | "warn_owner")[];
                        /** @description Also decide every open case linked by a mirror or near-duplicate signal alike (post removal excepted), each its own decision */
                        alsoLinked?: boolean;
                        /** @description One of terrorism, csam, ncii, extortion, violence, personal_data, fraud, illegal_goods, copyright, spam, other */
                        category?: string;
                        /** @description Instead of alsoLinked: only these linked open cases, decided alike */
                        linkedCaseIds?: string[];
                        outcome: "actioned" | "no_violation" | "protected_expression" | "out_of_scope";
                        postIds?: string[];
                        statement: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            answer: {
                                actions: ("block" | "remove_posts" | "restrict_in_jurisdiction" | "warn_owner")[];
                                appeal: string;
                                /**
                                 * @description The earlier decision was reversed on appeal; this answer replaces its answer
                                 * @enum {string}
                                 */
                                appealOutcome?: "reversed";
                                automatedDecision: boolean;
                                automatedDetection: boolean;
                                category: string | null;
                                categoryTitle: string | null;
                                decidedAt: string;
                                /** @description The language the policy texts of this answer are in (lang parameter, vigil_lang cookie, Accept-Language; English by default) */
                                language?: string;
                                outcome: "actioned" | "no_violation" | "protected_expression" | "out_of_scope";
                                /** @description The policy's sentence for the ground of the decision, in the reader's language: shown above the moderator's statement */
                                policyStatement?: string;
                                /** @description The statement of reasons: the policy's words for an out-of-scope answer, else the moderator's own, as written */
                                statement: string;
                                territorialScope: string | null;
                            };
                            caseId: string;
                            decisionId: string;
                            /** @description With alsoLinked: the linked cases decided alike, each its own decision */
                            linked?: {
                                caseId: string;
                                decisionId: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/escalate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Escalate for senior review, with a note */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        text: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            assigneeId: string | null;
                            categories: string[];
                            category: string;
                            /** @description Signs of coordinated reporting; they never block a subject or raise priority */
                            coordination: {
                                /** @description Reporters whose account was created, or address first seen, at most an hour before the case opened, or since */
                                freshReporters: number;
                                /** @description The most reports sharing one explanation text */
                                sameTextReports: number;
                            };
                            createdAt: string;
                            decidedAt: string | null;
                            id: string;
                            /** @description triage: a severe claim no credible reporter backs; it has the short triage clock but keeps its low priority */
                            lane: "normal" | "triage";
                            language: string | null;
                            lifeAtRisk: boolean;
                            outcome: ("actioned" | "no_violation" | "protected_expression" | "out_of_scope") | null;
                            overdue: boolean;
                            /** @description 'reference' for the bundled platform, else the connected platform's name */
                            platform: string;
                            priority: number;
                            reach: number;
                            reportCount: number;
                            reporterCount: number;
                            secondsToDue: number;
                            slaDueAt: string;
                            sources: ("anonymous" | "in_app" | "trusted_flagger" | "authority" | "platform" | "automated" | "email")[];
                            state: "open" | "in_review" | "escalated" | "decided" | "reversed";
                            subject: {
                                id: string;
                                kind: string;
                            };
                            subjectLabel?: string | null;
                            triageDueAt: string | null;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/owner-history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The owner's record: the 20 latest decisions about the owner's subjects and the owner's other channels, bots and sticker sets */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            decisions: {
                                actions: ("block" | "remove_posts" | "restrict_in_jurisdiction" | "warn_owner")[];
                                caseId: string;
                                category: string | null;
                                createdAt: string;
                                decisionId: string;
                                outcome: "actioned" | "no_violation" | "protected_expression" | "out_of_scope";
                                reversedAt: string | null;
                                subject: {
                                    id: string;
                                    kind: string;
                                };
                                subjectLabel: string | null;
                                thisCase: boolean;
                            }[];
                            /** @description Each list holds at most this many, the most recent */
                            limit: number;
                            /** @description False when the subject has no known owner (nothing else is listed) */
                            ownerKnown: boolean;
                            /** @description Of the decisions listed, those that took action and were not reversed */
                            strikes: number;
                            /** @description The owner's other public subjects, newest first */
                            subjects: {
                                createdAt: string;
                                id: string;
                                /** @enum {unknown} */
                                kind: "channel" | "bot" | "sticker_set";
                                label: string;
                                link: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Release a claimed case */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            assigneeId: string | null;
                            categories: string[];
                            category: string;
                            /** @description Signs of coordinated reporting; they never block a subject or raise priority */
                            coordination: {
                                /** @description Reporters whose account was created, or address first seen, at most an hour before the case opened, or since */
                                freshReporters: number;
                                /** @description The most reports sharing one explanation text */
                                sameTextReports: number;
                            };
                            createdAt: string;
                            decidedAt: string | null;
                            id: string;
                            /** @description triage: a severe claim no credible reporter backs; it has the short triage clock but keeps its low priority */
                            lane: "normal" | "triage";
                            language: string | null;
                            lifeAtRisk: boolean;
                            outcome: ("actioned" | "no_violation" | "protected_expression" | "out_of_scope") | null;
                            overdue: boolean;
                            /** @description 'reference' for the bundled platform, else the connected platform's name */
                            platform: string;
                            priority: number;
                            reach: number;
                            reportCount: number;
                            reporterCount: number;
                            secondsToDue: number;
                            slaDueAt: string;
                            sources: ("anonymous" | "in_app" | "trusted_flagger" | "authority" | "platform" | "automated" | "email")[];
                            state: "open" | "in_review" | "escalated" | "decided" | "reversed";
                            subject: {
                                id: string;
                                kind: string;
                            };
                            subjectLabel?: string | null;
                            triageDueAt: string | null;
                            updatedAt: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/{id}/reverse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reverse a decision (senior) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            caseId: string;
                            /** @enum {string} */
                            state: "reversed";
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/bulk-decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Decide up to 50 cases with one outcome, category and statement; each is its own decision
         * @description Every case is decided on its own, as by /cases/{id}/decide: its own decision, case event, answers to its own reporters and owner notice. A case that cannot be decided (already decided, claimed by another moderator, an action its subject does not allow) gets its own failure; the others go ahead. Removing posts is not a bulk action.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        actions: ("block" | "remove_posts" | "restrict_in_jurisdiction" | "warn_owner")[];
                        caseIds: string[];
                        /** @description One of terrorism, csam, ncii, extortion, violence, personal_data, fraud, illegal_goods, copyright, spam, other */
                        category?: string;
                        outcome: "actioned" | "no_violation" | "protected_expression" | "out_of_scope";
                        statement: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Names this bulk decision in the audit log */
                            batch: string;
                            results: ({
                                caseId: string;
                                decisionId: string;
                                /** @enum {boolean} */
                                ok: true;
                            } | {
                                caseId: string;
                                code: string;
                                message: string;
                                /** @enum {boolean} */
                                ok: false;
                                /** @description What a single decision would have answered */
                                status: number;
                            })[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cases/counts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Open cases by state, with overdue counts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            counts: {
                                count: number;
                                /** @description Past their review deadline */
                                overdue: number;
                                state: "open" | "in_review" | "escalated" | "decided" | "reversed";
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a public channel */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string;
                        /** @description 5–32 of a-z, 0-9, _; starts with a letter; unique case-insensitively */
                        handle: string;
                        title: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            description: string;
                            handle: string;
                            id: string;
                            link: string;
                            subscribers: number;
                            title: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channels/{handle}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A channel (451 with a notice when it may not be shown) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    handle: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            description: string;
                            handle: string;
                            id: string;
                            link: string;
                            subscribers: number;
                            title: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                451: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channels/{handle}/admins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add an admin who may publish (owner only) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    handle: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        accountId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channels/{handle}/posts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Posts, newest first, with cursor paging */
        get: {
            parameters: {
                query: {
                    cursor?: string;
                    limit: number;
                };
                header?: never;
                path: {
                    handle: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            channel: {
                                createdAt: string;
                                description: string;
                                handle: string;
                                id: string;
                                link: string;
                                subscribers: number;
                                title: string;
                            };
                            nextCursor: string | null;
                            posts: {
                                channel: string;
                                createdAt: string;
                                /** @description Held back from the public for review by automated detection */
                                held?: boolean;
                                id: string;
                                link: string;
                                media?: {
                                    height?: number;
                                    id: string;
                                    mime: string;
                                    sha256: string;
                                    size: number;
                                    /** @description Where a connected platform serves it: a link for reviewers, never loaded by Vigil */
                                    url?: string;
                                    width?: number;
                                }[];
                                number: number;
                                text?: string;
                                withheld?: {
                                    category: string | null;
                                    code: string;
                                    text: string;
                                };
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                451: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Publish a post as the channel (owner or admins); the author is never shown */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    handle: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        media?: string[];
                        text?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            channel: string;
                            createdAt: string;
                            /** @description Held back from the public for review by automated detection */
                            held?: boolean;
                            id: string;
                            link: string;
                            media?: {
                                height?: number;
                                id: string;
                                mime: string;
                                sha256: string;
                                size: number;
                                /** @description Where a connected platform serves it: a link for reviewers, never loaded by Vigil */
                                url?: string;
                                width?: number;
                            }[];
                            number: number;
                            text?: string;
                            withheld?: {
                                category: string | null;
                                code: string;
                                text: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                451: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channels/{handle}/posts/{number}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One post */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    handle: string;
                    number: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            channel: {
                                createdAt: string;
                                description: string;
                                handle: string;
                                id: string;
                                link: string;
                                subscribers: number;
                                title: string;
                            };
                            post: {
                                channel: string;
                                createdAt: string;
                                /** @description Held back from the public for review by automated detection */
                                held?: boolean;
                                id: string;
                                link: string;
                                media?: {
                                    height?: number;
                                    id: string;
                                    mime: string;
                                    sha256: string;
                                    size: number;
                                    /** @description Where a connected platform serves it: a link for reviewers, never loaded by Vigil */
                                    url?: string;
                                    width?: number;
                                }[];
                                number: number;
                                text?: string;
                                withheld?: {
                                    category: string | null;
                                    code: string;
                                    text: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                451: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/channels/{handle}/subscribe": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Subscribe to a channel */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    handle: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            description: string;
                            handle: string;
                            id: string;
                            link: string;
                            subscribers: number;
                            title: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                451: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/chats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Open (or find) the one-to-one chat with another account */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        accountId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            id: string;
                            participants: string[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/chats/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a chat's messages (members only) */
        get: {
            parameters: {
                query: {
                    cursor?: string;
                    limit: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            messages: {
                                createdAt: string;
                                id: string;
                                mediaId: string | null;
                                senderId: string;
                                text: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Send a message to a chat (members only) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        media?: string;
                        text?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            id: string;
                            mediaId: string | null;
                            senderId: string;
                            text: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register or update public content the platform hosts; answers the verdict of detection
         * @description Idempotent by (platform, kind, id): 201 when created, 200 when updated. Only media new to the item is scanned. Media bytes are never stored, only their hashes.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description For a post: its channel's platform id (register the channel first) */
                        channelId?: string;
                        /** @description The platform's own id */
                        id: string;
                        /** @description channel, post, bot or sticker_set (group and chat are private and refused) */
                        kind: string;
                        media?: {
                            /** @description The file, standard base64: sniffed, decoded and matched; at most the upload limit (VIGIL_MAX_UPLOAD_BYTES) per item */
                            contentBase64?: string;
                            /** @description Used only for URL-only media; bytes are sniffed */
                            mime?: string;
                            /** @description Where the platform serves it: fetched and scanned when no contentBase64 is given, and a link for reviewers */
                            url?: string;
                        }[];
                        /** @description The owner's account id on the platform */
                        ownerId?: string;
                        /** @description Subscribers or followers */
                        reach?: number;
                        /** @description A post's text, or a channel's or bot's description */
                        text?: string;
                        title?: string;
                        /** @description The public http(s) URL; reports may name the content by it */
                        url: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Active enforcement on the item (or a post’s channel): held, removed, blocked, restricted */
                            actions: string[];
                            channelId: string | null;
                            createdAt: string;
                            id: string;
                            kind: string;
                            media: {
                                id: string;
                                md5: string | null;
                                mime: string;
                                position: number;
                                /** @description False for media given only by a URL that could not be fetched */
                                scanned: boolean;
                                sha256: string | null;
                                size: number;
                                url: string | null;
                            }[];
                            ownerId: string | null;
                            platform: string;
                            reach: number;
                            signals: ({
                                /** @description The bank category: terrorism, csam, ncii or other */
                                category: string;
                                /** @description pdq (perceptual), md5 or sha256 (exact) */
                                match: string;
                                /** @description Position of the media item in the registration */
                                media: number;
                                /** @enum {string} */
                                type: "hash_match";
                            } | {
                                /** @enum {string} */
                                type: "scan_timeout";
                            } | {
                                /** @description Position of the media item given only by URL that Vigil could not fetch (so did not scan) */
                                media: number;
                                reason: string;
                                /** @enum {string} */
                                type: "media_unavailable";
                            })[];
                            text: string;
                            title: string;
                            updatedAt: string;
                            url: string;
                            /** @description allow: publish; hold: publish nothing until reviewed; refuse: known terrorist or CSAM image, never publish */
                            verdict: "allow" | "hold" | "refuse";
                            /** @description Vigil's id of the item, as cases and webhooks name it */
                            vigilId: string;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Active enforcement on the item (or a post’s channel): held, removed, blocked, restricted */
                            actions: string[];
                            channelId: string | null;
                            createdAt: string;
                            id: string;
                            kind: string;
                            media: {
                                id: string;
                                md5: string | null;
                                mime: string;
                                position: number;
                                /** @description False for media given only by a URL that could not be fetched */
                                scanned: boolean;
                                sha256: string | null;
                                size: number;
                                url: string | null;
                            }[];
                            ownerId: string | null;
                            platform: string;
                            reach: number;
                            signals: ({
                                /** @description The bank category: terrorism, csam, ncii or other */
                                category: string;
                                /** @description pdq (perceptual), md5 or sha256 (exact) */
                                match: string;
                                /** @description Position of the media item in the registration */
                                media: number;
                                /** @enum {string} */
                                type: "hash_match";
                            } | {
                                /** @enum {string} */
                                type: "scan_timeout";
                            } | {
                                /** @description Position of the media item given only by URL that Vigil could not fetch (so did not scan) */
                                media: number;
                                reason: string;
                                /** @enum {string} */
                                type: "media_unavailable";
                            })[];
                            text: string;
                            title: string;
                            updatedAt: string;
                            url: string;
                            /** @description allow: publish; hold: publish nothing until reviewed; refuse: known terrorist or CSAM image, never publish */
                            verdict: "allow" | "hold" | "refuse";
                            /** @description Vigil's id of the item, as cases and webhooks name it */
                            vigilId: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/content/{kind}/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One registered item, its verdict and active enforcement */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The platform's own id */
                    id: string;
                    /** @description channel, post, bot or sticker_set (group and chat are private and refused) */
                    kind: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Active enforcement on the item (or a post’s channel): held, removed, blocked, restricted */
                            actions: string[];
                            channelId: string | null;
                            createdAt: string;
                            id: string;
                            kind: string;
                            media: {
                                id: string;
                                md5: string | null;
                                mime: string;
                                position: number;
                                /** @description False for media given only by a URL that could not be fetched */
                                scanned: boolean;
                                sha256: string | null;
                                size: number;
                                url: string | null;
                            }[];
                            ownerId: string | null;
                            platform: string;
                            reach: number;
                            signals: ({
                                /** @description The bank category: terrorism, csam, ncii or other */
                                category: string;
                                /** @description pdq (perceptual), md5 or sha256 (exact) */
                                match: string;
                                /** @description Position of the media item in the registration */
                                media: number;
                                /** @enum {string} */
                                type: "hash_match";
                            } | {
                                /** @enum {string} */
                                type: "scan_timeout";
                            } | {
                                /** @description Position of the media item given only by URL that Vigil could not fetch (so did not scan) */
                                media: number;
                                reason: string;
                                /** @enum {string} */
                                type: "media_unavailable";
                            })[];
                            text: string;
                            title: string;
                            updatedAt: string;
                            url: string;
                            /** @description allow: publish; hold: publish nothing until reviewed; refuse: known terrorist or CSAM image, never publish */
                            verdict: "allow" | "hold" | "refuse";
                            /** @description Vigil's id of the item, as cases and webhooks name it */
                            vigilId: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** The platform deleted the content: it can no longer be reported; open cases keep it, marked deleted */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description The platform's own id */
                    id: string;
                    /** @description channel, post, bot or sticker_set (group and chat are private and refused) */
                    kind: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a private group (at most 200 members) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            id: string;
                            memberLimit: number;
                            members: number;
                            title: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/groups/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a member (members only; the 201st is refused) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        accountId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            added: boolean;
                            id: string;
                            memberLimit: number;
                            members: number;
                            title: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/groups/{id}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Read a group's messages (members only) */
        get: {
            parameters: {
                query: {
                    cursor?: string;
                    limit: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            messages: {
                                createdAt: string;
                                id: string;
                                mediaId: string | null;
                                senderId: string;
                                text: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Send a message to a group (members only) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        media?: string;
                        text?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            id: string;
                            mediaId: string | null;
                            senderId: string;
                            text: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The job queue: counts by kind and state, lag, and a page of failed and dead jobs */
        get: {
            parameters: {
                query: {
                    cursor?: string;
                    limit: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            counts: {
                                count: number;
                                kind: string;
                                state: "queued" | "running" | "failed" | "dead" | "done";
                            }[];
                            /** @description Jobs out of attempts, waiting for a person */
                            dead: number;
                            /** @description Failed (waiting to retry) and dead jobs, newest first */
                            failed: {
                                attempts: number;
                                createdAt: string;
                                finishedAt: string | null;
                                id: string;
                                kind: string;
                                lastError: string | null;
                                maxAttempts: number;
                                /** @description When it is due (for a failed job: its next attempt) */
                                runAt: string;
                                state: "queued" | "running" | "failed" | "dead" | "done";
                            }[];
                            nextCursor: string | null;
                            /** @description How long the oldest due queued job has waited to start */
                            oldestQueuedAgeSeconds: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/jobs/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a failed or dead job back to the queue, due now, with a fresh set of attempts */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attempts: number;
                            createdAt: string;
                            finishedAt: string | null;
                            id: string;
                            kind: string;
                            lastError: string | null;
                            maxAttempts: number;
                            /** @description When it is due (for a failed job: its next attempt) */
                            runAt: string;
                            state: "queued" | "running" | "failed" | "dead" | "done";
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mail/attachments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An abuse mail's attachment, kept as evidence (a download; never shown inline) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The attachment as it arrived */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/octet-stream": string;
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/mail/outbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The abuse mailbox outbox, newest first */
        get: {
            parameters: {
                query: {
                    cursor?: string;
                    limit: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            mails: {
                                /** @description Plain text */
                                body: string;
                                createdAt: string;
                                id: string;
                                inReplyTo: string | null;
                                /** @description receipt: the answer to a mail; no_subject: what a mail naming nothing we host needs; decision: a decision told */
                                kind: "receipt" | "no_subject" | "decision";
                                language: string;
                                sentAt: string | null;
                                subject: string;
                                to: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who the credentials belong to (any token, key or session) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accountId: string;
                            displayName: string;
                            /** @enum {string} */
                            kind: "account";
                        } | {
                            email: string;
                            /** @enum {string} */
                            kind: "staff";
                            /** @description triage < moderator < senior < admin */
                            role: "triage" | "moderator" | "senior" | "admin";
                            userId: string;
                            /** @enum {unknown} */
                            via: "session" | "token";
                        } | {
                            country: string | null;
                            keyId: string;
                            keyKind: "trusted_flagger" | "authority" | "platform";
                            /** @enum {string} */
                            kind: "api_key";
                            org: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change your password; your other sessions end */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        currentPassword: string;
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/tokens": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Your personal tokens (never the secrets) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            tokens: {
                                createdAt: string;
                                id: string;
                                label: string;
                                revokedAt: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Mint a personal token for scripts (shown once; acts with your role) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        label: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            id: string;
                            label: string;
                            /** @description triage < moderator < senior < admin */
                            role: "triage" | "moderator" | "senior" | "admin";
                            token: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/tokens/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke one of your personal tokens */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/media": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Upload an image or file (raw body or multipart); its type is sniffed from the bytes (a text file, txt, csv or json, is accepted when declared as such and its bytes are UTF-8 text) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            height?: number;
                            id: string;
                            mime: string;
                            sha256: string;
                            size: number;
                            /** @description Where a connected platform serves it: a link for reviewers, never loaded by Vigil */
                            url?: string;
                            width?: number;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/media/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Media metadata (for whoever may fetch the media itself) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            height?: number;
                            id: string;
                            mime: string;
                            sha256: string;
                            size: number;
                            /** @description Where a connected platform serves it: a link for reviewers, never loaded by Vigil */
                            url?: string;
                            width?: number;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Statements of reasons for actions on your channels, bots and sticker sets
         * @description The policy's texts (ground, appeal instructions) in the reader's language: `lang`, else the vigil_lang cookie, then Accept-Language; English by default.
         */
        get: {
            parameters: {
                query?: {
                    /** @description The language of the policy texts */
                    lang?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            notices: {
                                actions?: ("block" | "remove_posts" | "restrict_in_jurisdiction" | "warn_owner")[];
                                appeal?: string;
                                automatedDecision?: boolean;
                                automatedDetection?: boolean;
                                /**
                                 * @description Acted on reports, or on our own initiative
                                 * @enum {unknown}
                                 */
                                basis?: "notice" | "own_initiative";
                                category?: string | null;
                                categoryTitle?: string | null;
                                createdAt: string;
                                decidedAt: string;
                                id: string;
                                /** @description The language the policy texts are in */
                                language?: string;
                                outcome: ("actioned" | "no_violation" | "protected_expression" | "out_of_scope") | "reversed";
                                /** @description The policy's sentence for the decision's ground, in the reader's language, said above the moderator's statement */
                                policyStatement?: string;
                                postIds?: string[];
                                statement: string;
                                subject: {
                                    id: string;
                                    kind: string;
                                };
                                territorialScope?: string | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The publishing policy as data: categories, deadlines, templates */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            appeal: string;
                            appealReviewDays: number;
                            appealWindowMonths: number;
                            categories: {
                                because: string;
                                dsa: {
                                    category: string;
                                    illegal: boolean;
                                    keyword: string;
                                };
                                id: string;
                                /** @description A duration: 1h, 24h, 7d */
                                reviewWithin: string;
                                reviewWithinIfLifeAtRisk?: string;
                                severity: number;
                                statement: string;
                                title: string;
                            }[];
                            cooldownDays: number;
                            /** @description In-app reason → policy category */
                            inAppReasons: {
                                [key: string]: string;
                            };
                            protectedExpression: {
                                rule: string;
                                statement: string;
                                title: string;
                            };
                            scope: {
                                accountStatement: string;
                                inScope: string[];
                                outOfScope: string[];
                                outOfScopeStatement: string;
                                privateGroupMemberLimit: number;
                            };
                            version: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/protect/hashes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Submit PDQ hashes of your own images (never the images); returns a case number and PIN */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        hashes: {
                            /** @description PDQ hash, 64 hexadecimal characters */
                            pdq: string;
                            quality?: number;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            caseNumber: string;
                            hashes: number;
                            pin: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/protect/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Your submission: hashes, their status and how many uploads each has matched */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        caseNumber: string;
                        pin: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            caseNumber: string;
                            hashes: {
                                lastMatchAt: string | null;
                                /** @description Uploads it has matched */
                                matches: number;
                                /** @description Position in the submission, from 1 */
                                number: number;
                                /** @enum {unknown} */
                                status: "active" | "benign" | "withdrawn";
                            }[];
                            submittedAt: string;
                            withdrawnAt: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/protect/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw all your hashes: they are deleted and stop matching at once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        caseNumber: string;
                        pin: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            caseNumber: string;
                            hashes: {
                                lastMatchAt: string | null;
                                /** @description Uploads it has matched */
                                matches: number;
                                /** @description Position in the submission, from 1 */
                                number: number;
                                /** @enum {unknown} */
                                status: "active" | "benign" | "withdrawn";
                            }[];
                            submittedAt: string;
                            withdrawnAt: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reporters/restore": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reverse a reporter's warning and set-aside (senior; audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description A reporter key as the case view shows seniors (acc:…, anon:…, key:…) */
                        key: string;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            agreed: number;
                            disagreed: number;
                            misuseSuspected: boolean;
                            reporterKey: string;
                            setAsideUntil: string | null;
                            standing: "good" | "warned" | "set_aside";
                            warnedAt: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reporters/set-aside": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a warned reporter's reports aside for a period: stored, answered and counted, not weighed (senior; audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        days?: number;
                        /** @description A reporter key as the case view shows seniors (acc:…, anon:…, key:…) */
                        key: string;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            agreed: number;
                            disagreed: number;
                            misuseSuspected: boolean;
                            reporterKey: string;
                            setAsideUntil: string | null;
                            standing: "good" | "warned" | "set_aside";
                            warnedAt: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reporters/standing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A reporter's record and standing (senior) */
        get: {
            parameters: {
                query: {
                    /** @description A reporter key as the case view shows seniors (acc:…, anon:…, key:…) */
                    key: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            agreed: number;
                            disagreed: number;
                            misuseSuspected: boolean;
                            reporterKey: string;
                            setAsideUntil: string | null;
                            standing: "good" | "warned" | "set_aside";
                            warnedAt: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reporters/warn": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Warn a reporter for manifestly unfounded reports (senior; audited) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description A reporter key as the case view shows seniors (acc:…, anon:…, key:…) */
                        key: string;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            agreed: number;
                            disagreed: number;
                            misuseSuspected: boolean;
                            reporterKey: string;
                            setAsideUntil: string | null;
                            standing: "good" | "warned" | "set_aside";
                            warnedAt: string | null;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Report public content (anonymous web form, in-app, trusted flagger or authority)
         * @description Acknowledged at once with a receipt that lets the reporter follow the report. `Idempotency-Key` makes retries safe: the same key with the same body returns the first acknowledgement; with a different body, 422 `idempotency_key_reused`.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        bonaFide?: boolean;
                        /** @description A policy category (terrorism, csam, ncii, extortion, violence, personal_data, fraud, illegal_goods, copyright, spam, other) or an in-app reason (spam, violence, pornography, child_abuse, copyright, illegal_drugs, personal_details, other) */
                        category: string;
                        contact?: {
                            /** Format: email */
                            email?: string;
                            name?: string;
                        };
                        evidence?: string;
                        explanation?: string;
                        /** @description ISO 3166-1 alpha-2; required for authorities */
                        jurisdiction?: string;
                        /**
                         * @description The reporter's language (the web form sends its page's): the report's status and answer are said in it unless the reader names another with `lang`
                         * @enum {unknown}
                         */
                        language?: "en" | "ar" | "ckb" | "fa" | "tr" | "ru" | "fr";
                        legalBasis?: string;
                        /** @description Someone may be in danger: shortens the review clock */
                        lifeAtRisk?: boolean;
                        orderReference?: string;
                        postIds?: string[];
                        subject: string | {
                            id: string;
                            kind: string;
                            /** @description A connected platform's name; the id is then the platform's own id. Omitted: the reference platform */
                            platform?: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            receipt: string;
                            /** @description To a reporter a senior warned, or whose reports are set aside (DSA Art. 23): the policy's statement */
                            reporterNotice?: {
                                kind: "warning" | "set_aside";
                                statement: string;
                                until: string | null;
                            };
                            status: string;
                            statusUrl: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A report's timeline and answer (with its receipt, or as the account or key that filed it) */
        get: {
            parameters: {
                query?: {
                    /** @description The language of the statuses and policy texts (else the language the report was filed in, then the vigil_lang cookie, then Accept-Language; English by default) */
                    lang?: string;
                    receipt?: string;
                };
                header?: {
                    "x-receipt"?: string;
                };
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            answer: {
                                actions: ("block" | "remove_posts" | "restrict_in_jurisdiction" | "warn_owner")[];
                                appeal: string;
                                /**
                                 * @description The earlier decision was reversed on appeal; this answer replaces its answer
                                 * @enum {string}
                                 */
                                appealOutcome?: "reversed";
                                automatedDecision: boolean;
                                automatedDetection: boolean;
                                category: string | null;
                                categoryTitle: string | null;
                                decidedAt: string;
                                /** @description The language the policy texts of this answer are in (lang parameter, vigil_lang cookie, Accept-Language; English by default) */
                                language?: string;
                                outcome: "actioned" | "no_violation" | "protected_expression" | "out_of_scope";
                                /** @description The policy's sentence for the ground of the decision, in the reader's language: shown above the moderator's statement */
                                policyStatement?: string;
                                /** @description The statement of reasons: the policy's words for an out-of-scope answer, else the moderator's own, as written */
                                statement: string;
                                territorialScope: string | null;
                            } | null;
                            category: string;
                            categoryTitle: string;
                            createdAt: string;
                            id: string;
                            /** @description received, in_review, decided or declined_out_of_scope */
                            status: string;
                            subject: {
                                kind: string;
                                link: string | null;
                            };
                            timeline: {
                                at: string;
                                event: string;
                                text: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The text rules in force, with live and shadow hit counts and recent shadow hits */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            error: string | null;
                            loadedAt: string | null;
                            rules: {
                                /** @description A policy category id */
                                category: string;
                                description: string;
                                fields: ("post_text" | "channel_title" | "channel_description" | "bot_name" | "sticker_set_name")[];
                                file: string | null;
                                hits: {
                                    live: number;
                                    shadow: number;
                                };
                                id: string;
                                languages: string[];
                                /** @description The latest shadow hits (at most 5) */
                                sample: {
                                    at: string;
                                    /** @description Normalised text around the match, at most 160 characters; hostile content, escape it */
                                    excerpt: string;
                                    field: string;
                                    platform: string;
                                    subjectId: string;
                                    subjectKind: string;
                                }[];
                                score: number;
                                state: "draft" | "shadow" | "live";
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rules/{id}/state": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set a rule's state (draft, shadow or live) in its file; audited with the diff, then the rules are reloaded */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        state: "draft" | "shadow" | "live";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            file: string;
                            id: string;
                            loadedAt: string | null;
                            state: "draft" | "shadow" | "live";
                            /** @description The SHA-256 of the file's text: what an edit was made from */
                            version: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rules/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The rule files with their versions and the rules each holds */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            files: {
                                name: string;
                                rules: string[];
                                size: number;
                                /** @description The SHA-256 of the file's text: what an edit was made from */
                                version: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rules/files/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A rule file's text and version */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description A rule file of the rules folder, e.g. fraud.yaml */
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            name: string;
                            text: string;
                            /** @description The SHA-256 of the file's text: what an edit was made from */
                            version: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Save a new text of a rule file: refused with 409 when the file changed since `version`, and with 400 naming the place when it fails the rule schema (nothing is written); audited with the diff, then the rules are reloaded */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description A rule file of the rules folder, e.g. fraud.yaml */
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        text: string;
                        /** @description The SHA-256 of the file's text: what an edit was made from */
                        version: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            loadedAt: string | null;
                            name: string;
                            rules: number;
                            /** @description The SHA-256 of the file's text: what an edit was made from */
                            version: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rules/reload": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Read the rule files again; an invalid file is refused (422) and the rules in force stay */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            loadedAt: string | null;
                            rules: number;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The console session's user and CSRF token */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Send as X-CSRF-Token on every write made with the session cookie */
                            csrfToken: string;
                            expiresAt: string;
                            /** @description A LibreTranslate-compatible service (VIGIL_TRANSLATE_URL) the console links reported text to; null hides the links */
                            translateUrl: string | null;
                            user: {
                                email: string;
                                id: string;
                                /** @description triage < moderator < senior < admin */
                                role: "triage" | "moderator" | "senior" | "admin";
                            };
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Log in to the console: sets the vigil_session cookie (12 h) and returns the CSRF token */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Send as X-CSRF-Token on every write made with the session cookie */
                            csrfToken: string;
                            expiresAt: string;
                            /** @description A LibreTranslate-compatible service (VIGIL_TRANSLATE_URL) the console links reported text to; null hides the links */
                            translateUrl: string | null;
                            user: {
                                email: string;
                                id: string;
                                /** @description triage < moderator < senior < admin */
                                role: "triage" | "moderator" | "senior" | "admin";
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        /** Log out: ends the session and clears the cookie */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/statistics/daily": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Decisions and reversals per UTC day, by platform, subject kind, category and outcome
         * @description Rolled up by a recurring job (VIGIL_STATISTICS_MS) that recomputes yesterday and today, so today is at most that old.
         */
        get: {
            parameters: {
                query: {
                    /** @description A UTC day, YYYY-MM-DD */
                    from: string;
                    /** @description A UTC day, YYYY-MM-DD */
                    to: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            days: {
                                /** @description '' when the decision named no category */
                                category: string;
                                computedAt: string;
                                /** @description A UTC day, YYYY-MM-DD */
                                day: string;
                                decisions: number;
                                outcome: "actioned" | "no_violation" | "protected_expression" | "out_of_scope";
                                platform: string;
                                /** @description Decisions reversed on this day (whenever they were taken) */
                                reversals: number;
                                subjectKind: "channel" | "post" | "bot" | "sticker_set" | "group" | "chat" | "account";
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sticker-sets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a sticker set */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        stickers: string[];
                        title: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            /** @description Held back from the public for review by automated detection */
                            held?: boolean;
                            id: string;
                            link: string;
                            name: string;
                            stickers: {
                                height?: number;
                                id: string;
                                mime: string;
                                sha256: string;
                                size: number;
                                /** @description Where a connected platform serves it: a link for reviewers, never loaded by Vigil */
                                url?: string;
                                width?: number;
                            }[];
                            title: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sticker-sets/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A sticker set */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            /** @description Held back from the public for review by automated detection */
                            held?: boolean;
                            id: string;
                            link: string;
                            name: string;
                            stickers: {
                                height?: number;
                                id: string;
                                mime: string;
                                sha256: string;
                                size: number;
                                /** @description Where a connected platform serves it: a link for reviewers, never loaded by Vigil */
                                url?: string;
                                width?: number;
                            }[];
                            title: string;
                        };
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                451: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/transparency": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Public transparency figures per day, week (Monday–Sunday, UTC) or month, and for the whole period
         * @description Computed from case events, per UTC day: any past period recomputes the same. Cached for a minute. At most 731 days with granularity "day", 1827 otherwise.
         */
        get: {
            parameters: {
                query: {
                    /** @description A UTC day, YYYY-MM-DD */
                    from: string;
                    granularity?: "day" | "week" | "month";
                    /** @description A UTC day, YYYY-MM-DD */
                    to: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            computedAt: string;
                            /** @description A UTC day, YYYY-MM-DD */
                            from: string;
                            granularity: "day" | "week" | "month";
                            periods: {
                                /** @description Subjects actioned (decisions that actioned one), by kind, category and language */
                                actioned: {
                                    /** @description Policy category id */
                                    category: string;
                                    count: number;
                                    /** @description BCP 47 tag of the subject's language, 'und' when unknown */
                                    language: string;
                                    subjectKind: string;
                                }[];
                                appeals: {
                                    filed: number;
                                    reversed: number;
                                    upheld: number;
                                };
                                /** @description Authority requests answered, by country: complied, restricted in the country, declined as protected expression, or declined */
                                authorityRequests: {
                                    count: number;
                                    country: string;
                                    /** @description complied, restricted, protected_expression, declined */
                                    outcome: string;
                                }[];
                                automatedDetection: {
                                    actioned: number;
                                    /** @description Actioned cases whose first report came from automated detection */
                                    actionedFoundByAutomation: number;
                                    decisions: number;
                                    /** @description actionedFoundByAutomation / actioned; null without actioned cases */
                                    share: number | null;
                                };
                                /** @description Reports declined on arrival because their subject is out of scope (e.g. a private group) */
                                declinedOutOfScope: {
                                    count: number;
                                    /** @description anonymous, in_app, trusted_flagger, authority, platform, automated, email */
                                    source: string;
                                }[];
                                /** @description A UTC day, YYYY-MM-DD */
                                from: string;
                                /** @description Reports answered by a decision in the period, by source and the outcome of that decision */
                                reports: {
                                    count: number;
                                    outcome: string;
                                    /** @description anonymous, in_app, trusted_flagger, authority, platform, automated, email */
                                    source: string;
                                }[];
                                /** @description Decisions reversed (on appeal or by a senior) */
                                reversals: number;
                                timeToDecision: {
                                    /** @description Policy category id ('' when the decision named none) */
                                    category: string;
                                    /** @description The category's review deadline */
                                    deadlineSeconds: number | null;
                                    decisions: number;
                                    /** @description Median time from the case's first report to the decision (nearest rank, exact to the second) */
                                    medianSeconds: number;
                                    /** @description 90th percentile (nearest rank) */
                                    p90Seconds: number;
                                    withinDeadline: number;
                                    /** @description Share of decisions taken by the case's review deadline, 0..1 */
                                    withinDeadlineShare: number;
                                }[];
                                /** @description A UTC day, YYYY-MM-DD */
                                to: string;
                            }[];
                            /** @description A UTC day, YYYY-MM-DD */
                            to: string;
                            total: {
                                /** @description Subjects actioned (decisions that actioned one), by kind, category and language */
                                actioned: {
                                    /** @description Policy category id */
                                    category: string;
                                    count: number;
                                    /** @description BCP 47 tag of the subject's language, 'und' when unknown */
                                    language: string;
                                    subjectKind: string;
                                }[];
                                appeals: {
                                    filed: number;
                                    reversed: number;
                                    upheld: number;
                                };
                                /** @description Authority requests answered, by country: complied, restricted in the country, declined as protected expression, or declined */
                                authorityRequests: {
                                    count: number;
                                    country: string;
                                    /** @description complied, restricted, protected_expression, declined */
                                    outcome: string;
                                }[];
                                automatedDetection: {
                                    actioned: number;
                                    /** @description Actioned cases whose first report came from automated detection */
                                    actionedFoundByAutomation: number;
                                    decisions: number;
                                    /** @description actionedFoundByAutomation / actioned; null without actioned cases */
                                    share: number | null;
                                };
                                /** @description Reports declined on arrival because their subject is out of scope (e.g. a private group) */
                                declinedOutOfScope: {
                                    count: number;
                                    /** @description anonymous, in_app, trusted_flagger, authority, platform, automated, email */
                                    source: string;
                                }[];
                                /** @description A UTC day, YYYY-MM-DD */
                                from: string;
                                /** @description Reports answered by a decision in the period, by source and the outcome of that decision */
                                reports: {
                                    count: number;
                                    outcome: string;
                                    /** @description anonymous, in_app, trusted_flagger, authority, platform, automated, email */
                                    source: string;
                                }[];
                                /** @description Decisions reversed (on appeal or by a senior) */
                                reversals: number;
                                timeToDecision: {
                                    /** @description Policy category id ('' when the decision named none) */
                                    category: string;
                                    /** @description The category's review deadline */
                                    deadlineSeconds: number | null;
                                    decisions: number;
                                    /** @description Median time from the case's first report to the decision (nearest rank, exact to the second) */
                                    medianSeconds: number;
                                    /** @description 90th percentile (nearest rank) */
                                    p90Seconds: number;
                                    withinDeadline: number;
                                    /** @description Share of decisions taken by the case's review deadline, 0..1 */
                                    withinDeadlineShare: number;
                                }[];
                                /** @description A UTC day, YYYY-MM-DD */
                                to: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/transparency.csv": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The same figures as CSV, one line per period, figure and dimension */
        get: {
            parameters: {
                query: {
                    /** @description A UTC day, YYYY-MM-DD */
                    from: string;
                    granularity?: "day" | "week" | "month";
                    /** @description A UTC day, YYYY-MM-DD */
                    to: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description CSV */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/csv": string;
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/transparency/protected-expression": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Authority requests refused because they targeted protected expression, by country */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            refusals: {
                                cases: number;
                                /** @description ISO 3166-1 alpha-2, or "unknown" */
                                country: string;
                                requests: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The endpoints of the caller’s platform (an admin: of every platform) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            endpoints: {
                                createdAt: string;
                                events: ("subject.actioned" | "subject.restored" | "post.removed" | "content.held" | "content.released" | "report.declined" | "case.opened")[];
                                id: string;
                                /** @description `reference` or the organisation of a platform key */
                                platform: string;
                                /** @description After a rotation: until when the previous secret also signs */
                                previousSecretExpiresAt: string | null;
                                url: string;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        /** Register an endpoint for events about a platform’s content; the answer carries its signing secret, once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        events: ("subject.actioned" | "subject.restored" | "post.removed" | "content.held" | "content.released" | "report.declined" | "case.opened")[];
                        /** @description Admins only: whose events (e.g. `reference`); a platform key registers for its own platform */
                        platform?: string;
                        /** @description https URL of the receiver */
                        url: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            events: ("subject.actioned" | "subject.restored" | "post.removed" | "content.held" | "content.released" | "report.declined" | "case.opened")[];
                            id: string;
                            /** @description `reference` or the organisation of a platform key */
                            platform: string;
                            /** @description After a rotation: until when the previous secret also signs */
                            previousSecretExpiresAt: string | null;
                            url: string;
                        } & {
                            /** @description The signing secret (`whsec_…`): shown only in this answer */
                            secret: string;
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete an endpoint and its delivery records */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The last deliveries to an endpoint, newest first: event, state, attempts, last status or error */
        get: {
            parameters: {
                query: {
                    limit: number;
                };
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            deliveries: {
                                attempts: number;
                                createdAt: string;
                                deliveredAt: string | null;
                                endpointId: string;
                                eventType: string;
                                firstAttemptAt: string | null;
                                id: string;
                                lastAttemptAt: string | null;
                                lastError: string | null;
                                /** @description The receiver's last HTTP status (null: no answer) */
                                lastStatus: number | null;
                                /** @description The `webhook-id` header */
                                messageId: string;
                                nextAttemptAt: string | null;
                                /** @enum {unknown} */
                                state: "pending" | "delivered" | "failed" | "dead";
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate the signing secret: the answer carries the new one; the old one keeps signing beside it for 24 hours */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            createdAt: string;
                            events: ("subject.actioned" | "subject.restored" | "post.removed" | "content.held" | "content.released" | "report.declined" | "case.opened")[];
                            id: string;
                            /** @description `reference` or the organisation of a platform key */
                            platform: string;
                            /** @description After a rotation: until when the previous secret also signs */
                            previousSecretExpiresAt: string | null;
                            url: string;
                        } & {
                            /** @description The signing secret (`whsec_…`): shown only in this answer */
                            secret: string;
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/deliveries/{id}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send a delivery again (same webhook-id), with a fresh 24-hour retry window */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attempts: number;
                            createdAt: string;
                            deliveredAt: string | null;
                            endpointId: string;
                            eventType: string;
                            firstAttemptAt: string | null;
                            id: string;
                            lastAttemptAt: string | null;
                            lastError: string | null;
                            /** @description The receiver's last HTTP status (null: no answer) */
                            lastStatus: number | null;
                            /** @description The `webhook-id` header */
                            messageId: string;
                            nextAttemptAt: string | null;
                            /** @enum {unknown} */
                            state: "pending" | "delivered" | "failed" | "dead";
                        };
                    };
                };
                /** @description Default Response */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Default Response */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Error: {
            error: {
                /** @description Stable machine-readable code */
                code: string;
                /** @description Field problems (invalid input; a report's subject that is not there), or what else the error carries (a bank import's rejected lines, a 451's notice) */
                details?: components["schemas"]["FieldProblem"][] | {
                    [key: string]: unknown;
                }[] | {
                    [key: string]: unknown;
                };
                /** @description Human-readable explanation, in English */
                message: string;
            };
        };
        FieldProblem: {
            /** @description The field, as a dotted path into the body (`contact.email`), query or parameters */
            field: string;
            /** @description Stable machine-readable kind of problem (`invalid` when nothing more precise is said): translate this, not `message` */
            kind: "invalid" | "required" | "unknown_field" | "wrong_type" | "not_allowed" | "bad_format" | "too_long" | "too_short" | "too_many" | "too_few" | "out_of_range" | "out_of_order" | "not_text" | "not_a_link" | "not_found" | "not_reportable" | "unknown_platform" | "not_a_category" | "must_confirm" | "either_or";
            /** @description The bound missed by a too_long, too_short, too_many or too_few value */
            limit?: number;
            /** @description The problem in English */
            message: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
