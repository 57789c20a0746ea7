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
            "name": "aio-4.1-4.19",
            "description": "Linux 4.1 to 4.19: requests are struct aio_kiocb, completed through the kiocb's ki_complete callback (aio_complete_rw), which runs in interrupt context; users and reqs are percpu_refs whose release callbacks the file registers; before RCU flavour consolidation, so disabled interrupts hold off only sched-RCU grace periods. From 4.18, aio poll's wake-up callback runs under the waitqueue's lock.",
            "match": { "mentions": ["aio_kiocb"] },
            "interruptEntries": ["aio_complete", "aio_complete_rw"],
            "interruptCallbackFields": ["ki_complete"],
            "rcuConsolidated": false
          },
          {
            "name": "aio-3.12-4.0",
            "description": "Linux 3.12 to 4.0: kioctx users and reqs are percpu_refs with release callbacks registered by percpu_ref_init(); contexts are found through the RCU-protected mm->ioctx_table; aio_complete() runs in interrupt context.",
            "match": { "mentions": ["ioctx_table"] },
            "interruptEntries": ["aio_complete"],
            "rcuConsolidated": false
          },
          {
            "name": "aio-3.10-3.11",
            "description": "Linux 3.10 and 3.11: kill_ioctx() unlinks a context from the RCU mm->ioctx_list and waits for a grace period before dropping the list's reference; put_ioctx() and the request counter reqs_active live in the file; aio_complete() runs in interrupt context.",
            "match": { "mentions": ["kill_ioctx"] },
            "interruptEntries": ["aio_complete"],
            "rcuConsolidated": false
          },
          {
            "name": "aio-2.6-3.9-header-refcounts",
            "description": "Linux 2.6 to 3.9 with get_ioctx()/put_ioctx() as macros of include/linux/aio.h: put_ioctx() drops ctx->users and calls __put_ioctx() on the last reference; aio_complete() runs in interrupt context.",
            "match": { "usesWithoutDefining": ["put_ioctx", "get_ioctx"] },
            "gets": [ { "function": "get_ioctx", "type": "kioctx", "field": "users" } ],
            "puts": [ { "function": "put_ioctx", "type": "kioctx", "release": "__put_ioctx", "field": "users" } ],
            "interruptEntries": ["aio_complete"],
            "rcuConsolidated": false
          },
          {
            "name": "aio-2.6.29-3.9",
            "description": "Linux 2.6.29 to 3.9 with get_ioctx()/try_get_ioctx()/put_ioctx() in the file: contexts are found through the RCU mm->ioctx_list, torn down by io_destroy() and kill_ctx() (vm_munmap() of the ring from 3.4), freed with call_rcu(); requests hold reqs_active, which wait_for_all_aios() sleeps on; aio_complete() runs in interrupt context.",
            "match": { "mentions": ["try_get_ioctx", "kill_ctx", "ioctx_list"] },
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
