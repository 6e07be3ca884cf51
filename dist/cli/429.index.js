const J=429,b=[429],z={2429:((V,P,s)=>{s.r(P),s.d(P,{CATALOGUE_HELP:()=>L,catalogueCommand:()=>G});var K=s(6760),c=s.n(K),O=s(7975),X=s.n(O),M=s(9783),B=s(8638),W=s(928),h=s(3590),E=s(8044),x=s(3060),m=s(9135),a=s(2721),F=s(3839);const L=`Usage: endpoint-drift catalogue update [options]

Fetches the Microsoft 365 endpoint data from the web service when it is newer than the snapshot
at hand (or the embedded data), and writes the snapshot (catalogue.json) and a changelog
(CHANGELOG.md, newest first). Nothing is written when nothing is newer.

  --instance NAME      all | worldwide | china | usgovdod | usgovgcchigh (default: all)
  --output DIR         snapshot folder (default: the config's catalogue: path, else
                       .github/endpoint-drift/catalogue)
  --service-url URL    the web service (default: ${h._i})
  --cache DIR          where /version answers and the client id are kept (default: the config's
                       catalogue-cache, .endpoint-drift-cache)
  --changes FILE       also write this update's changelog alone to FILE (a pull request body)
  --config FILE        configuration file (default: .github/endpoint-drift.yml when present)
  --root DIR           repository root (default: .)

Exit status: 0 updated or already current, 2 usage error or a failed or malformed answer
(nothing is written then).
`;class g extends Error{}async function G(f,n){const[t,...d]=f;if(t===void 0||t==="--help"||t==="-h"||t==="help")return n.stdout(L),t===void 0?2:0;if(t!=="update")return n.stderr(`endpoint-drift catalogue: unknown subcommand "${t}" (expected update)
`),2;try{return await N(d,n)}catch(o){if(o instanceof g||o instanceof m.xL||o instanceof h.Q0||o instanceof W.Om||o instanceof a.JC)return n.stderr(`endpoint-drift catalogue update: ${o.message}
`),2;throw o}}async function N(f,n){let t;try{t=(0,O.parseArgs)({args:[...f],strict:!0,allowPositionals:!1,options:{instance:{type:"string"},output:{type:"string"},"service-url":{type:"string"},cache:{type:"string"},changes:{type:"string"},config:{type:"string"},root:{type:"string"}}}).values}catch(e){throw new g(`${e.message.split(`
`)[0]} (see catalogue --help)`)}const d=(t.instance??"all").toLowerCase(),o=d==="all"?E.j4:E.j4.includes(d)?[d]:[];if(o.length===0)throw new g(`--instance must be all, ${E.j4.join(", ")}; got "${t.instance??""}"`);const u=(t["service-url"]??h._i).replace(/\/+$/,"");if(!/^https?:\/\/[^/\s]+/i.test(u))throw new g(`--service-url must be an http(s) URL, got "${u}"`);const i=c().resolve(n.cwd,t.root??"."),H=await(0,F.RG)(i,t.config,n.cwd),_=(0,m.$i)(H,{}),R=_.catalogue==="embedded"||_.catalogue==="live"?void 0:(0,a.Pu)(i,(0,a.p0)(i,_.catalogue,"catalogue")),r=t.output?c().join(c().resolve(n.cwd,t.output),a.QX):R??c().join(i,a.N$,a.QX),I=c().dirname(r),A=t.cache?c().resolve(n.cwd,t.cache):(0,a.p0)(i,_.catalogueCache,"catalogue-cache"),p=e=>c().relative(n.cwd,e).split(c().sep).join("/")||".";!t.output&&R&&await(0,a.Do)(i,r,"catalogue"),t.cache||await(0,a.Do)(i,A,"catalogue-cache");const C=await(0,a.RA)(r,p(r)),w=new a.Km(A),$=C?.catalogue.clientRequestId??await w.clientRequestId(),U=n.now?.()??new Date,Q=new h.es({serviceUrl:u,clientRequestId:$,...n.fetch?{fetch:n.fetch}:{},...n.sleep?{sleep:n.sleep}:{}}),S=new Map(await Promise.all(o.map(async e=>[e,await w.version(e)]))),l=await(0,x.bP)({baseline:C?.catalogue??B.x,instances:o,service:Q,serviceUrl:u,clientRequestId:$,now:U,cachedVersion:e=>S.get(e)});for(const e of l.outcomes){const D=e.current??"the data at hand";n.stdout(e.updated?`${e.instance}: ${D} \u2192 ${e.latest}
`:`${e.instance}: ${e.latest} is current${e.cached?" (version checked within the hour)":""}
`)}for(const[e,D]of l.versionsFetched)await w.saveVersion(e,D);if(!l.catalogue)return n.stdout(`nothing newer: ${p(I)} is unchanged
`),0;const j=(0,M.R8)(l.logs,{fetchedAt:U.toISOString(),serviceUrl:u}),v=c().join(I,a.S),y=[{path:r,text:(0,a.DP)(l.catalogue)},{path:v,text:(0,a.FR)(await(0,a.T9)(v),j)}];t.changes&&y.push({path:c().resolve(n.cwd,t.changes),text:j}),await(0,a.ik)(y);const T=l.logs.filter(e=>!(0,M.Im)(e)).length;return n.stdout(`wrote ${p(r)} and ${p(v)} (${T} cloud${T===1?"":"s"} with changes)
`),0}})};export{J as id,b as ids,z as modules};
