#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A value set on one thread and read on another after joining it.
final class Slot<Value>: @unchecked Sendable {
    var value: Value?
}

/// A piece of work run on a POSIX thread of its own, and joined.
final class WorkThread: @unchecked Sendable {
    /// Set before the thread starts, cleared once it ran, so that nothing holds it after ``join()``.
    private var work: (() -> Void)?
    private var thread: pthread_t?

    /// Starts `work` on a new thread; when no thread can be made, ``join()`` runs it instead.
    init(_ work: @escaping () -> Void) {
        self.work = work
        let context = Unmanaged.passRetained(self).toOpaque()
        #if canImport(Darwin)
            var handle: pthread_t?
        #else
            var handle = pthread_t()
        #endif
        let started = pthread_create(
            &handle, nil,
            { context in
                let pointer: UnsafeMutableRawPointer? = context
                Unmanaged<WorkThread>.fromOpaque(pointer!).takeRetainedValue().run()
                return nil
            }, context)
        if started == 0 {
            thread = handle
        } else {
            Unmanaged<WorkThread>.fromOpaque(context).release()
        }
    }

    /// `work` started on a new thread; `nil` (and `work` never run) when no thread can be
    /// made, for a caller whose own thread waits on the work and so cannot run it instead.
    static func started(_ work: @escaping () -> Void) -> WorkThread? {
        let thread = WorkThread(work)
        guard thread.thread != nil else {
            thread.work = nil
            return nil
        }
        return thread
    }

    private func run() {
        work?()
        work = nil
    }

    /// Waits until the work is done (at once when it was).
    func join() {
        if let thread {
            pthread_join(thread, nil)
            self.thread = nil
        } else {
            run()
        }
    }
}
