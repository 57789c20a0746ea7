/// The built-in profiles, one per era of fs/aio.c, as data. The first whose `match` holds is
/// chosen; the last is the default. Only what the file cannot tell belongs here.
enum ProfileData {
    static let json = #"""
        [
          {
            "name": "aio-4.20-6.x",
            "description": "Linux 4.20 and later: RCU flavours consolidated, so disabled interrupts hold off call_rcu() grace periods; aio_kiocb completions through ki_complete run in interrupt context.",
            "match": { "mentions": ["old_timespec32", "init_pseudo", "folio", "aio_migrate_folio"] },
            "interruptEntries": ["aio_complete", "aio_complete_rw"],
            "interruptCallbackFields": ["ki_complete"],
            "rcuConsolidated": true
          },
          {
            "name": "aio-2.6-3.9-header-refcounts",
            "description": "Linux 2.6 to 3.9 with get_ioctx()/put_ioctx() as macros of include/linux/aio.h: put_ioctx() drops ctx->users and calls __put_ioctx() on the last reference; aio_complete() runs in interrupt context.",
            "match": { "usesWithoutDefining": ["put_ioctx", "get_ioctx"] },
            "gets": [ { "function": "get_ioctx", "type": "kioctx" } ],
            "puts": [ { "function": "put_ioctx", "type": "kioctx", "release": "__put_ioctx" } ],
            "interruptEntries": ["aio_complete"],
            "rcuConsolidated": false
          },
          {
            "name": "aio-2.6-4.19",
            "description": "Linux before 4.20 (the default): disabled interrupts hold off only sched-RCU grace periods; aio_complete() and ki_complete callbacks run in interrupt context.",
            "interruptEntries": ["aio_complete", "aio_complete_rw"],
            "interruptCallbackFields": ["ki_complete"],
            "rcuConsolidated": false
          }
        ]
        """#
}
