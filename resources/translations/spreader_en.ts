<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ColumnPicker</name>
    <message numerus="yes">
        <source>{file}: %n row(s)</source>
        <translation>
            <numerusform>{file}: %n row</numerusform>
            <numerusform>{file}: %n rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InboxPage</name>
    <message numerus="yes">
        <source>%n queued Open Chat message(s) to it were skipped.</source>
        <translation>
            <numerusform>%n queued Open Chat message to it was skipped.</numerusform>
            <numerusform>%n queued Open Chat messages to it were skipped.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MessagesPage</name>
    <message numerus="yes">
        <source>{shown} of %n message(s)</source>
        <translation>
            <numerusform>{shown} of %n message</numerusform>
            <numerusform>{shown} of %n messages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{loaded} of %n delivery(s)</source>
        <translation>
            <numerusform>{loaded} of %n delivery</numerusform>
            <numerusform>{loaded} of %n deliveries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n message(s) to {path}.</source>
        <translation>
            <numerusform>Exported %n message to {path}.</numerusform>
            <numerusform>Exported %n messages to {path}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n delivery(s) to {path}.</source>
        <translation>
            <numerusform>Exported %n delivery to {path}.</numerusform>
            <numerusform>Exported %n deliveries to {path}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PackageCounts</name>
    <message numerus="yes">
        <source>%n profile(s) × {daily}/day = up to {pool_daily} messages a day from this package, at most {pool_hourly} an hour.</source>
        <translation>
            <numerusform>%n profile × {daily}/day = up to {pool_daily} messages a day from this package, at most {pool_hourly} an hour.</numerusform>
            <numerusform>%n profiles × {daily}/day = up to {pool_daily} messages a day from this package, at most {pool_hourly} an hour.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PackagesPage</name>
    <message numerus="yes">
        <source>Delete the package “{name}” and its %n profile(s)? Its messages and conversations are deleted with it. This cannot be undone.</source>
        <translation>
            <numerusform>Delete the package “{name}” and its %n profile? Its messages and conversations are deleted with it. This cannot be undone.</numerusform>
            <numerusform>Delete the package “{name}” and its %n profiles? Its messages and conversations are deleted with it. This cannot be undone.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlanPanel</name>
    <message numerus="yes">
        <source>%n recipient(s) over {profiles}</source>
        <translation>
            <numerusform>%n recipient over {profiles}</numerusform>
            <numerusform>%n recipients over {profiles}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n profile(s)</source>
        <translation>
            <numerusform>%n profile</numerusform>
            <numerusform>%n profiles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) will be skipped.</source>
        <translation>
            <numerusform>%n row will be skipped.</numerusform>
            <numerusform>%n rows will be skipped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{name}: %n recipient(s)</source>
        <translation>
            <numerusform>{name}: %n recipient</numerusform>
            <numerusform>{name}: %n recipients</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) cannot be planned: no profile can send.</source>
        <translation>
            <numerusform>%n recipient cannot be planned: no profile can send.</numerusform>
            <numerusform>%n recipients cannot be planned: no profile can send.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PoolBanner</name>
    <message numerus="yes">
        <source>%n recipient(s) held: they go out only when you release them.</source>
        <translation>
            <numerusform>%n recipient held: it goes out only when you release it.</numerusform>
            <numerusform>%n recipients held: they go out only when you release them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) released: they go out through the other profiles.</source>
        <translation>
            <numerusform>%n recipient released: it goes out through the other profiles.</numerusform>
            <numerusform>%n recipients released: they go out through the other profiles.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n held recipient(s) cancelled.</source>
        <translation>
            <numerusform>%n held recipient cancelled.</numerusform>
            <numerusform>%n held recipients cancelled.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RecipientsBox</name>
    <message numerus="yes">
        <source>Saved %n row(s) to {file}.</source>
        <translation>
            <numerusform>Saved %n row to {file}.</numerusform>
            <numerusform>Saved %n rows to {file}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RetryCounts</name>
    <message numerus="yes">
        <source>Up to %n more try(s) after network errors, timeouts and busy answers: the first at once, then longer each time.</source>
        <translation>
            <numerusform>Up to %n more try after network errors, timeouts and busy answers: the first at once, then longer each time.</numerusform>
            <numerusform>Up to %n more tries after network errors, timeouts and busy answers: the first at once, then longer each time.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Up to %n more try(s) after network errors, timeouts and busy answers: the first after {delay}, then longer each time.</source>
        <translation>
            <numerusform>Up to %n more try after network errors, timeouts and busy answers: the first after {delay}, then longer each time.</numerusform>
            <numerusform>Up to %n more tries after network errors, timeouts and busy answers: the first after {delay}, then longer each time.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SendPage</name>
    <message numerus="yes">
        <source>Send this message to %n recipient(s) through {profiles}?</source>
        <translation>
            <numerusform>Send this message to %n recipient through {profiles}?</numerusform>
            <numerusform>Send this message to %n recipients through {profiles}?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n profile(s)</source>
        <translation>
            <numerusform>%n profile</numerusform>
            <numerusform>%n profiles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) will be skipped.</source>
        <translation>
            <numerusform>%n row will be skipped.</numerusform>
            <numerusform>%n rows will be skipped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) with an empty variable will be skipped.</source>
        <translation>
            <numerusform>%n recipient with an empty variable will be skipped.</numerusform>
            <numerusform>%n recipients with an empty variable will be skipped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n recipient(s) whose text is over WhatsApp&apos;s limit will be skipped.</source>
        <translation>
            <numerusform>%n recipient whose text is over WhatsApp&apos;s limit will be skipped.</numerusform>
            <numerusform>%n recipients whose text is over WhatsApp&apos;s limit will be skipped.</numerusform>
        </translation>
    </message>
</context>
</TS>
