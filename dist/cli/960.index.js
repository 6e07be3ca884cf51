export const id = 960;
export const ids = [960];
export const modules = {

/***/ 2960:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  run: () => (/* binding */ run)
});

// UNUSED EXPORTS: DEFAULT_CONFIG

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
var external_node_path_default = /*#__PURE__*/__webpack_require__.n(external_node_path_);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(7975);
;// CONCATENATED MODULE: ./data/catalogue.json
const catalogue_namespaceObject = /*#__PURE__*/JSON.parse('{"schemaVersion":1,"generatedFrom":{"script":"scripts/build-catalogue.ts","otherEndpoints":{"file":"data/other-endpoints.yaml","document":"docs/additional-office365-ip-addresses-and-urls.md","documentSha256":"7caba242589d0b36d27ad32f87921afd4da6ea2570a7016d0e39195d692276e4","documentDate":"2025-01-08","origin":{"repo":"MicrosoftDocs/microsoft-365-docs","path":"microsoft-365/enterprise/additional-office365-ip-addresses-and-urls.md","commit":"ba01cbe59ca4652a0c05a3d15bea4f9bcec94861"}}},"clouds":{"worldwide":{"instance":"worldwide","provenance":{"sourceFile":"endpoints/worldwide.json","sha256":"fac674b969f5a8a7b19d743ce2a17627bd9ed7df4e7d1b4204dbb49715cbc699","origin":{"repo":"deploymenttheory/terraform-provider-microsoft365","path":"internal/services/datasources/utility/microsoft_365_endpoint_reference/tests/responses/get_endpoints_worldwide.json","commit":"8b6c20663ba33fcd1c5c6b6088c7d775a0d46840","commitDate":"2025-12-01"},"dataDate":"2025-09-29","dataDateSource":{"repo":"natecohen/microsoft-ips","commit":"17e4810a8f42222a5fb3d7a6b0a4cb58661a2a97"},"includesMem":true},"endpointSets":[{"id":1,"serviceArea":"Exchange","serviceAreaDisplayName":"Exchange Online","urls":["outlook.cloud.microsoft","outlook.office.com","outlook.office365.com"],"ips":["13.107.6.152/31","13.107.18.10/31","13.107.128.0/22","23.103.160.0/20","40.96.0.0/13","40.104.0.0/15","52.96.0.0/14","131.253.33.215/32","132.245.0.0/16","150.171.32.0/22","204.79.197.215/32","2603:1006::/40","2603:1016::/36","2603:1026::/36","2603:1036::/36","2603:1046::/36","2603:1056::/36","2620:1ec:4::152/128","2620:1ec:4::153/128","2620:1ec:c::10/128","2620:1ec:c::11/128","2620:1ec:d::10/128","2620:1ec:d::11/128","2620:1ec:8f0::/46","2620:1ec:900::/46","2620:1ec:a92::152/128","2620:1ec:a92::153/128"],"tcpPorts":"80,443","udpPorts":"443","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[[443,443]],"category":"Optimize","required":true,"expressRoute":true},{"id":2,"serviceArea":"Exchange","serviceAreaDisplayName":"Exchange Online","urls":["outlook.office365.com","smtp.office365.com"],"ips":["13.107.6.152/31","13.107.18.10/31","13.107.128.0/22","23.103.160.0/20","40.96.0.0/13","40.104.0.0/15","52.96.0.0/14","131.253.33.215/32","132.245.0.0/16","150.171.32.0/22","204.79.197.215/32","2603:1006::/40","2603:1016::/36","2603:1026::/36","2603:1036::/36","2603:1046::/36","2603:1056::/36","2620:1ec:4::152/128","2620:1ec:4::153/128","2620:1ec:c::10/128","2620:1ec:c::11/128","2620:1ec:d::10/128","2620:1ec:d::11/128","2620:1ec:8f0::/46","2620:1ec:900::/46","2620:1ec:a92::152/128","2620:1ec:a92::153/128"],"tcpPorts":"143, 587, 993, 995","udpPorts":"","tcpPortRanges":[[143,143],[587,587],[993,993],[995,995]],"udpPortRanges":[],"category":"Allow","required":false,"expressRoute":true,"notes":"POP3, IMAP4, SMTP Client traffic"},{"id":8,"serviceArea":"Exchange","serviceAreaDisplayName":"Exchange Online","urls":["*.outlook.com","autodiscover.*.onmicrosoft.com"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":9,"serviceArea":"Exchange","serviceAreaDisplayName":"Exchange Online","urls":["*.protection.outlook.com"],"ips":["40.92.0.0/15","40.107.0.0/16","52.100.0.0/14","52.238.78.88/32","104.47.0.0/17","2a01:111:f400::/48","2a01:111:f403::/48"],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Allow","required":true,"expressRoute":true},{"id":10,"serviceArea":"Exchange","serviceAreaDisplayName":"Exchange Online","urls":["*.mail.protection.outlook.com","*.mx.microsoft"],"ips":["40.92.0.0/15","40.107.0.0/16","52.100.0.0/14","104.47.0.0/17","2a01:111:f400::/48","2a01:111:f403::/48"],"tcpPorts":"25","udpPorts":"","tcpPortRanges":[[25,25]],"udpPortRanges":[],"category":"Allow","required":true,"expressRoute":true},{"id":11,"serviceArea":"Skype","serviceAreaDisplayName":"Microsoft Teams","urls":[],"ips":["52.112.0.0/14","52.122.0.0/15","2603:1063::/38"],"tcpPorts":"","udpPorts":"3478,3479,3480,3481","tcpPortRanges":[],"udpPortRanges":[[3478,3481]],"category":"Optimize","required":true,"expressRoute":true},{"id":12,"serviceArea":"Skype","serviceAreaDisplayName":"Microsoft Teams","urls":["*.lync.com","*.teams.cloud.microsoft","*.teams.microsoft.com","teams.cloud.microsoft","teams.microsoft.com"],"ips":["52.112.0.0/14","52.122.0.0/15","2603:1027::/48","2603:1037::/48","2603:1047::/48","2603:1057::/48","2603:1063::/38","2620:1ec:6::/48","2620:1ec:40::/42"],"tcpPorts":"80,443","udpPorts":"443","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[[443,443]],"category":"Allow","required":true,"expressRoute":true},{"id":16,"serviceArea":"Skype","serviceAreaDisplayName":"Microsoft Teams","urls":["*.keydelivery.mediaservices.windows.net","*.streaming.mediaservices.windows.net"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":17,"serviceArea":"Skype","serviceAreaDisplayName":"Microsoft Teams","urls":["aka.ms"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":19,"serviceArea":"Skype","serviceAreaDisplayName":"Microsoft Teams","urls":["adl.windows.com"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":false,"expressRoute":false,"notes":"For end user and customer owned device updates"},{"id":27,"serviceArea":"Skype","serviceAreaDisplayName":"Microsoft Teams","urls":["join.secure.skypeassets.com","mlccdnprod.azureedge.net"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":31,"serviceArea":"SharePoint","serviceAreaDisplayName":"SharePoint Online and OneDrive for Business","urls":["*.sharepoint.com"],"ips":["13.107.136.0/22","40.108.128.0/17","52.104.0.0/14","104.146.128.0/17","150.171.40.0/22","2603:1061:1300::/40","2603:1063:6000::/35","2620:1ec:8f8::/46","2620:1ec:908::/46","2a01:111:f402::/48"],"tcpPorts":"80,443","udpPorts":"443","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[[443,443]],"category":"Optimize","required":true,"expressRoute":true},{"id":32,"serviceArea":"SharePoint","serviceAreaDisplayName":"SharePoint Online and OneDrive for Business","urls":["storage.live.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":false,"expressRoute":false,"notes":"OneDrive for Business: supportability, telemetry, APIs, and embedded email links"},{"id":33,"serviceArea":"SharePoint","serviceAreaDisplayName":"SharePoint Online and OneDrive for Business","urls":["*.search.production.apac.trafficmanager.net","*.search.production.emea.trafficmanager.net","*.search.production.us.trafficmanager.net"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":false,"expressRoute":false,"notes":"SharePoint Hybrid Search - Endpoint to SearchContentService where the hybrid crawler feeds documents"},{"id":35,"serviceArea":"SharePoint","serviceAreaDisplayName":"SharePoint Online and OneDrive for Business","urls":["*.wns.windows.com","admin.onedrive.com","officeclient.microsoft.com"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":36,"serviceArea":"SharePoint","serviceAreaDisplayName":"SharePoint Online and OneDrive for Business","urls":["g.live.com","oneclient.sfx.ms"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":37,"serviceArea":"SharePoint","serviceAreaDisplayName":"SharePoint Online and OneDrive for Business","urls":["*.sharepointonline.com","spoprod-a.akamaihd.net"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":39,"serviceArea":"SharePoint","serviceAreaDisplayName":"SharePoint Online and OneDrive for Business","urls":["*.svc.ms"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":46,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.officeapps.live.com","*.online.office.com","office.live.com"],"ips":["13.107.6.171/32","13.107.18.15/32","13.107.140.6/32","52.108.0.0/14","52.244.37.168/32","2603:1006:1400::/40","2603:1016:2400::/40","2603:1026:2400::/40","2603:1036:2400::/40","2603:1046:1400::/40","2603:1056:1400::/40","2603:1063:2000::/38","2620:1ec:c::15/128","2620:1ec:8fc::6/128","2620:1ec:a92::171/128","2a01:111:f100:2000::a83e:3019/128","2a01:111:f100:2002::8975:2d79/128","2a01:111:f100:2002::8975:2da8/128","2a01:111:f100:7000::6fdd:6cd5/128","2a01:111:f100:a004::bfeb:88cf/128"],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Allow","required":true,"expressRoute":true},{"id":47,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.office.net"],"ips":[],"tcpPorts":"443,80","udpPorts":"443","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[[443,443]],"category":"Default","required":true,"expressRoute":false},{"id":49,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.onenote.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":50,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.microsoft.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":false,"expressRoute":false,"notes":"OneNote notebooks (wildcards)"},{"id":51,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*cdn.onenote.net"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":53,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["ajax.aspnetcdn.com","apis.live.net","officeapps.live.com","www.onedrive.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":56,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.auth.microsoft.com","*.msftidentity.com","*.msidentity.com","account.activedirectory.windowsazure.com","accounts.accesscontrol.windows.net","adminwebservice.microsoftonline.com","api.passwordreset.microsoftonline.com","autologon.microsoftazuread-sso.com","becws.microsoftonline.com","ccs.login.microsoftonline.com","clientconfig.microsoftonline-p.net","companymanager.microsoftonline.com","device.login.microsoftonline.com","graph.microsoft.com","graph.windows.net","login-us.microsoftonline.com","login.microsoft.com","login.microsoftonline-p.com","login.microsoftonline.com","login.windows.net","logincert.microsoftonline.com","loginex.microsoftonline.com","nexus.microsoftonline-p.com","passwordreset.microsoftonline.com","provisioningapi.microsoftonline.com"],"ips":["20.20.32.0/19","20.190.128.0/18","20.231.128.0/19","40.126.0.0/18","2603:1006:2000::/48","2603:1007:200::/48","2603:1016:1400::/48","2603:1017::/48","2603:1026:3000::/48","2603:1027:1::/48","2603:1036:3000::/48","2603:1037:1::/48","2603:1046:2000::/48","2603:1047:1::/48","2603:1056:2000::/48","2603:1057:2::/48"],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Allow","required":true,"expressRoute":true},{"id":59,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.hip.live.com","*.microsoftonline-p.com","*.microsoftonline.com","*.msauth.net","*.msauthimages.net","*.msecnd.net","*.msftauth.net","*.msftauthimages.net","*.phonefactor.net","enterpriseregistration.windows.net"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":64,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.protection.office.com","*.security.microsoft.com","compliance.microsoft.com","defender.microsoft.com","protection.office.com","purview.microsoft.com","security.microsoft.com"],"ips":["13.107.6.192/32","13.107.9.192/32","2620:1ec:4::192/128","2620:1ec:a92::192/128"],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Allow","required":true,"expressRoute":true},{"id":66,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.portal.cloudappsecurity.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":69,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.aria.microsoft.com","*.events.data.microsoft.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":70,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.o365weve.com","amp.azure.net","appsforoffice.microsoft.com","assets.onestore.ms","auth.gfx.ms","c1.microsoft.com","dgps.support.microsoft.com","docs.microsoft.com","msdn.microsoft.com","platform.linkedin.com","prod.msocdn.com","shellprod.msocdn.com","support.microsoft.com","technet.microsoft.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":71,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.office365.com"],"ips":[],"tcpPorts":"443,80","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":73,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.aadrm.com","*.azurerms.com","*.informationprotection.azure.com","ecn.dev.virtualearth.net","informationprotection.hosting.portal.azure.net"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":75,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.sharepointonline.com","dc.services.visualstudio.com","mem.gfx.ms"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":false,"expressRoute":false,"notes":"Graph.windows.net, Office 365 Management Pack for Operations Manager, SecureScore, Azure AD Device Registration, Forms, StaffHub, Application Insights, captcha services"},{"id":78,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.microsoft.com","*.msocdn.com","*.onmicrosoft.com"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":false,"expressRoute":false,"notes":"Some Office 365 features require endpoints within these domains (including CDNs). Many specific FQDNs within these wildcards have been published recently as we work to either remove or better explain our guidance relating to these wildcards."},{"id":79,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["o15.officeredir.microsoft.com","officepreviewredir.microsoft.com","officeredir.microsoft.com","r.office.microsoft.com"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":83,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["activation.sls.microsoft.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":84,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["crl.microsoft.com"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":86,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["office15client.microsoft.com","officeclient.microsoft.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":89,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["go.microsoft.com"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":91,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["ajax.aspnetcdn.com","cdn.odc.officeapps.live.com"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":92,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["officecdn.microsoft.com","officecdn.microsoft.com.edgesuite.net","otelrules.azureedge.net"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":93,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.virtualearth.net","c.bing.net","ocos-office365-s2s.msedge.net","tse1.mm.bing.net","www.bing.com"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":false,"expressRoute":false,"notes":"ProPlus: auxiliary URLs"},{"id":95,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.acompli.net","*.outlookmobile.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":false,"expressRoute":false,"notes":"Outlook for Android and iOS"},{"id":96,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["login.windows-ppe.net"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":false,"expressRoute":false,"notes":"Outlook for Android and iOS: Authentication"},{"id":97,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["account.live.com","login.live.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":false,"expressRoute":false,"notes":"Outlook for Android and iOS: Consumer Outlook.com and OneDrive integration"},{"id":105,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["www.acompli.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":false,"expressRoute":false,"notes":"Outlook for Android and iOS: Outlook Privacy"},{"id":114,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.appex-rf.msn.com","*.appex.bing.com","c.bing.com","c.live.com","partnerservices.getmicrosoftkey.com","signup.live.com"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":false,"expressRoute":false,"notes":"Office Mobile URLs"},{"id":116,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["account.live.com","auth.gfx.ms","login.live.com"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":false,"expressRoute":false,"notes":"Office for iPad URLs"},{"id":117,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.yammer.com","*.yammerusercontent.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":false,"expressRoute":false,"notes":"Viva Engage"},{"id":118,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.assets-yammer.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":false,"expressRoute":false,"notes":"Viva Engage Assets CDN"},{"id":121,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["www.outlook.com"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":false,"expressRoute":false,"notes":"Planner: auxiliary URLs"},{"id":122,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["eus-www.sway-cdn.com","eus-www.sway-extensions.com","wus-www.sway-cdn.com","wus-www.sway-extensions.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":false,"expressRoute":false,"notes":"Sway CDNs"},{"id":124,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["sway.com","www.sway.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":false,"expressRoute":false,"notes":"Sway"},{"id":125,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.entrust.net","*.geotrust.com","*.omniroot.com","*.public-trust.com","*.symcb.com","*.symcd.com","*.verisign.com","*.verisign.net","cacerts.digicert.com","cert.int-x3.letsencrypt.org","crl.globalsign.com","crl.globalsign.net","crl.identrust.com","crl3.digicert.com","crl4.digicert.com","isrg.trustid.ocsp.identrust.com","mscrl.microsoft.com","ocsp.digicert.com","ocsp.globalsign.com","ocsp.msocsp.com","ocsp2.globalsign.com","ocspx.digicert.com","oneocsp.microsoft.com","secure.globalsign.com","www.digicert.com","www.microsoft.com"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":126,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["officespeech.platform.bing.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":false,"expressRoute":false,"notes":"Connection to the speech service is required for Office Dictation features. If connectivity is not allowed, Dictation will be disabled."},{"id":127,"serviceArea":"Skype","serviceAreaDisplayName":"Microsoft Teams","urls":["*.skype.com"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":147,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.office.com","www.microsoft365.com"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":152,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.microsoftusercontent.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":false,"expressRoute":false,"notes":"These endpoints enable the Office Scripts functionality in Office clients available through the Automate tab and the Python in Excel functionality available through the Formulas tab. The Office Scripts feature can also be disabled through the Office 365 Admin portal. For admin controls related to Python in Excel, see [Data security and Python in Excel](https://support.microsoft.com/office/data-security-and-python-in-excel-33cc88a4-4a87-485e-9ff9-f35958278327)."},{"id":153,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.azure-apim.net","*.flow.microsoft.com","*.powerapps.com","*.powerautomate.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":156,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.activity.windows.com","activity.windows.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":158,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.cortana.ai"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":159,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["admin.microsoft.com"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":160,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["cdn.odc.officeapps.live.com","cdn.uci.officeapps.live.com"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":163,"serviceArea":"MEM","serviceAreaDisplayName":"Microsoft Endpoint Manager","urls":["*.manage.microsoft.com","manage.microsoft.com"],"ips":["4.145.74.224/27","4.150.254.64/27","4.154.145.224/27","4.200.254.32/27","4.207.244.0/27","4.213.25.64/27","4.213.86.128/25","4.216.205.32/27","4.237.143.128/25","13.67.13.176/28","13.67.15.128/27","13.69.67.224/28","13.69.231.128/28","13.70.78.128/28","13.70.79.128/27","13.74.111.192/27","13.77.53.176/28","13.86.221.176/28","13.89.174.240/28","13.89.175.192/28","20.37.153.0/24","20.37.192.128/25","20.38.81.0/24","20.41.1.0/24","20.42.1.0/24","20.42.130.0/24","20.42.224.128/25","20.43.129.0/24","20.44.19.224/27","20.91.147.72/29","20.168.189.128/27","20.189.172.160/27","20.189.229.0/25","20.191.167.0/25","20.192.159.40/29","20.192.174.216/29","20.199.207.192/28","20.204.193.10/31","20.204.193.12/30","20.204.194.128/31","20.208.149.192/27","20.208.157.128/27","20.214.131.176/29","40.67.121.224/27","40.70.151.32/28","40.71.14.96/28","40.74.25.0/24","40.78.245.240/28","40.78.247.128/27","40.79.197.64/27","40.79.197.96/28","40.80.180.208/28","40.80.180.224/27","40.80.184.128/25","40.82.248.224/28","40.82.249.128/25","40.84.70.128/25","40.119.8.128/25","48.218.252.128/25","52.150.137.0/25","52.162.111.96/28","52.168.116.128/27","52.182.141.192/27","52.236.189.96/27","52.240.244.160/27","57.151.0.192/27","57.153.235.0/25","57.154.140.128/25","57.154.195.0/25","57.155.45.128/25","68.218.134.96/27","74.224.214.64/27","74.242.35.0/25","104.46.162.96/27","104.208.197.64/27","172.160.217.160/27","172.201.237.160/27","172.202.86.192/27","172.205.63.0/25","172.212.214.0/25","172.215.131.0/27"],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Allow","required":true,"expressRoute":false},{"id":164,"serviceArea":"MEM","serviceAreaDisplayName":"Microsoft Endpoint Manager","urls":["*.dl.delivery.mp.microsoft.com","*.do.dsp.mp.microsoft.com","*.update.microsoft.com","*.windowsupdate.com","adl.windows.com","dl.delivery.mp.microsoft.com","tsfe.trafficshaping.dsp.mp.microsoft.com"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":165,"serviceArea":"MEM","serviceAreaDisplayName":"Microsoft Endpoint Manager","urls":["time.windows.com"],"ips":[],"tcpPorts":"","udpPorts":"123","tcpPortRanges":[],"udpPortRanges":[[123,123]],"category":"Default","required":true,"expressRoute":false},{"id":169,"serviceArea":"MEM","serviceAreaDisplayName":"Microsoft Endpoint Manager","urls":["*.s-microsoft.com","clientconfig.passport.net","windowsphone.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":170,"serviceArea":"MEM","serviceAreaDisplayName":"Microsoft Endpoint Manager","urls":["approdimedatahotfix.azureedge.net","approdimedatapri.azureedge.net","approdimedatasec.azureedge.net","euprodimedatahotfix.azureedge.net","euprodimedatapri.azureedge.net","euprodimedatasec.azureedge.net","naprodimedatahotfix.azureedge.net","naprodimedatapri.azureedge.net","naprodimedatasec.azureedge.net","swda01-mscdn.azureedge.net","swda02-mscdn.azureedge.net","swdb01-mscdn.azureedge.net","swdb02-mscdn.azureedge.net","swdc01-mscdn.azureedge.net","swdc02-mscdn.azureedge.net","swdd01-mscdn.azureedge.net","swdd02-mscdn.azureedge.net","swdin01-mscdn.azureedge.net","swdin02-mscdn.azureedge.net"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":171,"serviceArea":"MEM","serviceAreaDisplayName":"Microsoft Endpoint Manager","urls":["*.notify.windows.com","*.wns.windows.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":173,"serviceArea":"MEM","serviceAreaDisplayName":"Microsoft Endpoint Manager","urls":["ekcert.spserv.microsoft.com","ekop.intel.com","ftpm.amd.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":179,"serviceArea":"MEM","serviceAreaDisplayName":"Microsoft Endpoint Manager","urls":["intunecdnpeasd.azureedge.net"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":181,"serviceArea":"MEM","serviceAreaDisplayName":"Microsoft Endpoint Manager","urls":["*.monitor.azure.com","*.support.services.microsoft.com","*.trouter.communication.microsoft.com","*.trouter.skype.com","*.trouter.teams.microsoft.com","api.flightproxy.skype.com","ecs.communication.microsoft.com","edge.microsoft.com","edge.skype.com","remoteassistanceprodacs.communication.azure.com","remoteassistanceprodacseu.communication.azure.com","remotehelp.microsoft.com","wcpstatic.microsoft.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":182,"serviceArea":"MEM","serviceAreaDisplayName":"Microsoft Endpoint Manager","urls":["lgmsapeweu.blob.core.windows.net"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":184,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.cloud.microsoft","*.static.microsoft","*.usercontent.microsoft"],"ips":[],"tcpPorts":"443","udpPorts":"443","tcpPortRanges":[[443,443]],"udpPortRanges":[[443,443]],"category":"Default","required":true,"expressRoute":false},{"id":186,"serviceArea":"MEM","serviceAreaDisplayName":"Microsoft Endpoint Manager","urls":["intunemaape1.eus.attest.azure.net","intunemaape10.weu.attest.azure.net","intunemaape11.weu.attest.azure.net","intunemaape12.weu.attest.azure.net","intunemaape13.jpe.attest.azure.net","intunemaape17.jpe.attest.azure.net","intunemaape18.jpe.attest.azure.net","intunemaape19.jpe.attest.azure.net","intunemaape2.eus2.attest.azure.net","intunemaape3.cus.attest.azure.net","intunemaape4.wus.attest.azure.net","intunemaape5.scus.attest.azure.net","intunemaape7.neu.attest.azure.net","intunemaape8.neu.attest.azure.net","intunemaape9.neu.attest.azure.net"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":187,"serviceArea":"MEM","serviceAreaDisplayName":"Microsoft Endpoint Manager","urls":["*.webpubsub.azure.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":false,"expressRoute":false,"notes":"Android Remote Help requires this endpoint."},{"id":188,"serviceArea":"MEM","serviceAreaDisplayName":"Microsoft Endpoint Manager","urls":["*.gov.teams.microsoft.us","remoteassistanceweb.usgov.communication.azure.us"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":false,"expressRoute":false,"notes":"Remote Help Dependancy for GCC customers"},{"id":189,"serviceArea":"MEM","serviceAreaDisplayName":"Microsoft Endpoint Manager","urls":["config.edge.skype.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":false,"expressRoute":false,"notes":"Feature flighting (opt in/out) may not function if this is not included"},{"id":192,"serviceArea":"MEM","serviceAreaDisplayName":"Microsoft Endpoint Manager","urls":["contentauthassetscdn-prod.azureedge.net","contentauthassetscdn-prodeur.azureedge.net","contentauthrafcontentcdn-prod.azureedge.net","contentauthrafcontentcdn-prodeur.azureedge.net","fd.api.orgmsg.microsoft.com","ris.prod.api.personalization.ideas.microsoft.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false,"notes":""}]},"china":{"instance":"china","provenance":{"sourceFile":"endpoints/china.json","sha256":"4196f218f21e31753d22ac7bbfe55233d816623d421b3535a1f7c1ed01cca4ee","origin":{"repo":"deploymenttheory/terraform-provider-microsoft365","path":"internal/services/datasources/utility/microsoft_365_endpoint_reference/tests/responses/get_endpoints_china.json","commit":"8b6c20663ba33fcd1c5c6b6088c7d775a0d46840","commitDate":"2025-12-01"},"dataDate":"2025-11-27","dataDateSource":{"repo":"natecohen/microsoft-ips","commit":"ffdeb0534960385c53f8334090d95e44d1bbd24c"},"includesMem":false},"endpointSets":[{"id":1,"serviceArea":"Exchange","serviceAreaDisplayName":"Exchange Online","urls":["partner.outlook.cn"],"ips":["40.73.132.0/24","40.73.164.128/25","40.73.165.0/26","42.159.40.0/24","42.159.44.0/22","42.159.163.128/25","42.159.165.0/24","42.159.172.0/22","2406:e500:4010::/48","2406:e500:4030::/53","2406:e500:4030:800::/54","2406:e500:4040::/53","2406:e500:4040:800::/54","2406:e500:4040:1000::/54","2406:e500:4040:1400::/54","2406:e500:4110::/48","2406:e500:4210::/48","2406:e500:4310::/48"],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Optimize","required":true,"expressRoute":false},{"id":2,"serviceArea":"Exchange","serviceAreaDisplayName":"Exchange Online","urls":["*.protection.partner.outlook.cn"],"ips":["40.72.120.0/22","40.72.124.192/26","42.159.33.192/27","42.159.36.0/24","42.159.161.192/27","42.159.164.0/24","139.219.16.0/23","139.219.24.0/22","139.219.145.0/24","139.219.146.0/24","139.219.156.0/22","159.27.176.0/21","2406:e500:200::/64","2406:e500:201::/64","2406:e500:4400::/39"],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Allow","required":true,"expressRoute":false},{"id":3,"serviceArea":"Skype","serviceAreaDisplayName":"Microsoft Teams","urls":[],"ips":["42.159.34.32/27","42.159.34.64/27","42.159.34.96/28","42.159.162.32/27","42.159.162.64/27","42.159.162.96/28","159.27.160.0/21","2406:e500:4a00::/39"],"tcpPorts":"","udpPorts":"3478, 3479, 3480, 3481","tcpPortRanges":[],"udpPortRanges":[[3478,3481]],"category":"Optimize","required":true,"expressRoute":false},{"id":4,"serviceArea":"SharePoint","serviceAreaDisplayName":"SharePoint Online and OneDrive for Business","urls":["*.sharepoint.cn"],"ips":["40.73.129.0/24","40.73.161.0/24","42.159.38.0/23","2406:e500:4600::/39"],"tcpPorts":"80,443","udpPorts":"443","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[[443,443]],"category":"Allow","required":true,"expressRoute":false},{"id":7,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.azure-mobile.cn","*.chinacloud-mobile.cn","*.chinacloudapi.cn","*.chinacloudapp.cn","*.chinacloudsites.cn","*.partner.microsoftonline-m-i.net.cn","*.partner.microsoftonline-m.net.cn","*.partner.microsoftonline-p.net.cn","*.partner.officewebapps.cn","*.windowsazure.cn","portal.partner.microsoftonline.cdnsvc.com","r4.partner.outlook.cn"],"ips":["23.236.126.0/24","40.73.240.0/24","40.73.242.0/24","58.68.168.0/24","112.25.33.0/24","123.150.49.0/24","125.65.247.0/24","171.107.84.0/24","180.210.232.0/24","180.210.234.0/24","209.177.86.0/24","209.177.90.0/24","209.177.94.0/24","222.161.226.0/24","2406:e500:4900::/48"],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Allow","required":true,"expressRoute":false},{"id":8,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.onmschina.cn"],"ips":["101.28.252.0/24","115.231.150.0/24","123.235.32.0/24","171.111.154.0/24","175.6.10.0/24","180.210.229.0/24","211.90.28.0/24"],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Allow","required":true,"expressRoute":false},{"id":9,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.partner.microsoftonline-p.cn"],"ips":["182.50.87.0/24"],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Allow","required":true,"expressRoute":false},{"id":10,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.partner.microsoftonline.cn"],"ips":["103.9.8.0/22"],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Allow","required":true,"expressRoute":false},{"id":11,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["activation.sls.microsoft.com","crl.microsoft.com","odc.officeapps.live.com","officecdn.microsoft.com","officeclient.microsoft.com"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":12,"serviceArea":"Exchange","serviceAreaDisplayName":"Exchange Online","urls":["*.partner.outlook.cn","attachments.office365-net.cn"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":13,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.msauth.cn","*.msauthimages.cn","*.msftauth.cn","*.msftauthimages.cn","login.microsoftonline.com"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":15,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["loki.office365.cn"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":16,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.cdn.office.net","shellprod.msocdn.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":17,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.auth.microsoft.cn","login.partner.microsoftonline.cn","microsoftgraph.chinacloudapi.cn"],"ips":["40.72.70.0/23","52.130.2.32/27","52.130.3.64/27","52.130.17.192/27","52.130.18.32/27","2406:e500:5500::/48"],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Allow","required":true,"expressRoute":false},{"id":18,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.aadrm.cn","*.protection.partner.outlook.cn"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":false,"expressRoute":false,"notes":"If using Exchange Online, follow Allow category guidance for *.protection.partner.outlook.cn"},{"id":19,"serviceArea":"Skype","serviceAreaDisplayName":"Microsoft Teams","urls":["*.partner.lync.cn","*.teams.microsoftonline.cn","teams.microsoftonline.cn"],"ips":["40.72.124.128/28","42.159.34.32/27","42.159.34.64/27","42.159.34.96/28","42.159.162.32/27","42.159.162.64/27","42.159.162.96/28","159.27.160.0/21","2406:e500:4a00::/39"],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Allow","required":true,"expressRoute":false},{"id":20,"serviceArea":"Exchange","serviceAreaDisplayName":"Exchange Online","urls":["*.partner.outlook.cn"],"ips":["40.73.132.0/24","40.73.164.128/25","40.73.165.0/26","42.159.40.0/24","42.159.44.0/22","42.159.163.128/25","42.159.165.0/24","42.159.172.0/22","2406:e500:4010::/48","2406:e500:4030::/53","2406:e500:4030:800::/54","2406:e500:4040::/53","2406:e500:4040:800::/54","2406:e500:4040:1000::/54","2406:e500:4040:1400::/54","2406:e500:4110::/48","2406:e500:4210::/48","2406:e500:4310::/48"],"tcpPorts":"587,993,995","udpPorts":"","tcpPortRanges":[[587,587],[993,993],[995,995]],"udpPortRanges":[],"category":"Allow","required":true,"expressRoute":false},{"id":21,"serviceArea":"SharePoint","serviceAreaDisplayName":"SharePoint Online and OneDrive for Business","urls":["*.wns.windows.com"],"ips":[],"tcpPorts":"443,80","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":22,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.partner.office365.cn","*.sovcloud-static.cn","*.sovcloud-usercontent.cn","*.sovcloud.cn"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":23,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.microsoftonline.cn"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":26,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.officewebapps.cn"],"ips":[],"tcpPorts":"443,80","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false,"notes":"Required for deprecating the old Gallatin regions and adding new China regions and publishing MIRA ranges"},{"id":27,"serviceArea":"Exchange","serviceAreaDisplayName":"Exchange Online","urls":["*.mail.protection.partner.outlook.cn","*.sovcloud-mx.cn"],"ips":["40.72.120.0/22","40.72.124.192/26","42.159.33.192/27","42.159.36.0/24","42.159.161.192/27","42.159.164.0/24","139.219.16.0/23","139.219.24.0/22","139.219.145.0/24","139.219.146.0/24","139.219.156.0/22","159.27.176.0/21","2406:e500:200::/64","2406:e500:201::/64","2406:e500:4400::/39"],"tcpPorts":"25","udpPorts":"","tcpPortRanges":[[25,25]],"udpPortRanges":[],"category":"Allow","required":true,"expressRoute":false,"notes":""}]},"usgovdod":{"instance":"usgovdod","provenance":{"sourceFile":"endpoints/usgovdod.json","sha256":"ff6f76942b9b6637840434b857184d23ccbf3ce918b87077436464c070a39e12","origin":{"repo":"deploymenttheory/terraform-provider-microsoft365","path":"internal/services/datasources/utility/microsoft_365_endpoint_reference/tests/responses/get_endpoints_usgov_dod.json","commit":"8b6c20663ba33fcd1c5c6b6088c7d775a0d46840","commitDate":"2025-12-01"},"dataDate":"2025-10-30","dataDateSource":{"repo":"natecohen/microsoft-ips","commit":"91e88fc866cff2cc0a39331831a90be5a56c6aac"},"includesMem":true},"endpointSets":[{"id":1,"serviceArea":"Exchange","serviceAreaDisplayName":"Exchange Online","urls":["outlook-dod.office365.us","webmail.apps.mil"],"ips":["20.35.192.0/20","40.66.24.0/21","2001:489a:2200:500::/56","2001:489a:2200:700::/56"],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Optimize","required":true,"expressRoute":true},{"id":4,"serviceArea":"Exchange","serviceAreaDisplayName":"Exchange Online","urls":["outlook-dod.office365.us","webmail.apps.mil"],"ips":[],"tcpPorts":"25,143,587,993,995","udpPorts":"","tcpPortRanges":[[25,25],[143,143],[587,587],[993,993],[995,995]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":true},{"id":5,"serviceArea":"Exchange","serviceAreaDisplayName":"Exchange Online","urls":["attachments-dod.office365-net.us","autodiscover-s-dod.office365.us","autodiscover.*.mail.onmicrosoft.com","autodiscover.*.mail.onmicrosoft.us","autodiscover.*.onmicrosoft.com","autodiscover.*.onmicrosoft.us"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":true},{"id":6,"serviceArea":"Exchange","serviceAreaDisplayName":"Exchange Online","urls":["*.protection.apps.mil","*.protection.office365.us","*.usgovcloud-mx.microsoft"],"ips":["23.103.191.0/24","23.103.199.0/25","23.103.204.0/22","62.10.144.0/20","2001:489a:2202::/62","2001:489a:2202:8::/62","2001:489a:2202:2000::/63","2001:489a:2202:c000::/50"],"tcpPorts":"25,443","udpPorts":"","tcpPortRanges":[[25,25],[443,443]],"udpPortRanges":[],"category":"Allow","required":true,"expressRoute":true},{"id":7,"serviceArea":"Skype","serviceAreaDisplayName":"Microsoft Teams","urls":["*.dod.teams.microsoft.us","*.online.dod.skypeforbusiness.us","dod.teams.microsoft.us"],"ips":["13.72.128.0/20","52.127.64.0/21","104.212.32.0/22","195.134.240.0/22","2001:489a:2250::/44"],"tcpPorts":"443","udpPorts":"3478,3479,3480,3481","tcpPortRanges":[[443,443]],"udpPortRanges":[[3478,3481]],"category":"Optimize","required":true,"expressRoute":true},{"id":9,"serviceArea":"SharePoint","serviceAreaDisplayName":"SharePoint Online and OneDrive for Business","urls":["*.dps.mil","*.sharepoint-mil.us"],"ips":["20.34.12.0/22","2001:489a:2204:902::/63","2001:489a:2204:c00::/63"],"tcpPorts":"80,443","udpPorts":"443","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[[443,443]],"category":"Optimize","required":true,"expressRoute":true},{"id":10,"serviceArea":"SharePoint","serviceAreaDisplayName":"SharePoint Online and OneDrive for Business","urls":["*.wns.windows.com","g.live.com","oneclient.sfx.ms"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":11,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.dod.online.office365.us"],"ips":["52.127.80.0/23","2001:489a:2208:8000::/49"],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Allow","required":true,"expressRoute":true},{"id":12,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.apps.mil","*.office365.us","*.usgovcloud-static.microsoft","*.usgovcloud-usercontent.microsoft","*.usgovcloud.microsoft"],"ips":[],"tcpPorts":"443,80","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":13,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.auth.microsoft.us","*.gov.us.microsoftonline.com","dod-graph.microsoft.us","graph.microsoftazure.us","login.microsoftonline.us"],"ips":["20.140.232.0/23","52.126.194.0/23","2001:489a:3500::/50"],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Allow","required":true,"expressRoute":true},{"id":14,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.msauth.net","*.msauthimages.us","*.msftauth.net","*.msftauthimages.us","clientconfig.microsoftonline-p.net","graph.windows.net","login-us.microsoftonline.com","login.microsoftonline-p.com","login.microsoftonline.com","login.windows.net","loginex.microsoftonline.com","mscrl.microsoft.com","nexus.microsoftonline-p.com","secure.aadcdn.microsoftonline-p.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":15,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["portal.apps.mil","reports.apps.mil","webshell.dodsuite.office365.us","www.ohome.apps.mil"],"ips":["52.127.72.42/32","52.127.76.42/32","52.180.251.166/32","52.181.24.112/32","52.181.160.113/32","52.182.24.200/32","52.182.54.237/32"],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Allow","required":true,"expressRoute":true},{"id":16,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["dod.loki.office365.us"],"ips":["52.127.72.0/21","2001:489a:2206::/48"],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Allow","required":true,"expressRoute":true},{"id":17,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["activation.sls.microsoft.com","crl.microsoft.com","go.microsoft.com","insertmedia.bing.office.net","ocsa.officeapps.live.com","ocsredir.officeapps.live.com","ocws.officeapps.live.com","office15client.microsoft.com","officecdn.microsoft.com","officecdn.microsoft.com.edgesuite.net","officepreviewredir.microsoft.com","officeredir.microsoft.com","ols.officeapps.live.com","r.office.microsoft.com"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":18,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["cdn.odc.officeapps.live.com","mrodevicemgr.officeapps.live.com","odc.officeapps.live.com","officeclient.microsoft.com"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":20,"serviceArea":"SharePoint","serviceAreaDisplayName":"SharePoint Online and OneDrive for Business","urls":["*.svc.ms"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":21,"serviceArea":"Skype","serviceAreaDisplayName":"Microsoft Teams","urls":["msteamsstatics.blob.core.usgovcloudapi.net","statics.teams.microsoft.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":24,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["lpcres.delve.office.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":25,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.cdn.office.net"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":26,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.security.apps.mil","compliance.apps.mil","purview.apps.mil","scc.protection.apps.mil","security.apps.mil"],"ips":["23.103.204.0/22","52.127.72.0/21"],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Allow","required":true,"expressRoute":true},{"id":28,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["activity.windows.com","dod.activity.windows.us"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":29,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["dod-mtis.cortana.ai"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":30,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.aadrm.us","*.informationprotection.azure.us"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":31,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["pf.events.data.microsoft.com","pf.pipe.aria.microsoft.com"],"ips":[],"tcpPorts":"443,80","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":35,"serviceArea":"MEM","serviceAreaDisplayName":"Microsoft Endpoint Manager","urls":["cmgwpesvcust.usgovtexas.cloudapp.usgovcloudapi.net","cmgwpesvcusv.usgovvirginia.cloudapp.usgovcloudapi.net","fxpasu01sfring.usgovvirginia.cloudapp.usgovcloudapi.net","fxpwcpna03.usgovtexas.cloudapp.usgovcloudapi.net","fxpwcpna04.usgovvirginia.cloudapp.usgovcloudapi.net","fxpxsucpna01.usgovvirginia.cloudapp.usgovcloudapi.net","fxpxsucpna02.usgovtexas.cloudapp.usgovcloudapi.net","lgm-svc-fxp-ugv-cses-dns.usgovvirginia.cloudapp.usgovcloudapi.net","mamls-fxp-eus-ip.usgovvirginia.cloudapp.usgovcloudapi.net","qrybkr-cses01-fxp.usgovvirginia.cloudapp.usgovcloudapi.net","qrybkr-cses02-fxp.usgovvirginia.cloudapp.usgovcloudapi.net","slasvc-cses01-fxp.usgovvirginia.cloudapp.usgovcloudapi.net","slasvc-cses02-fxp.usgovvirginia.cloudapp.usgovcloudapi.net"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false}]},"usgovgcchigh":{"instance":"usgovgcchigh","provenance":{"sourceFile":"endpoints/usgovgcchigh.json","sha256":"0fa9e948b75e78d6db1e36a67a0eb19c57db63b4207f55ddc1ea5a5358d22584","origin":{"repo":"deploymenttheory/terraform-provider-microsoft365","path":"internal/services/datasources/utility/microsoft_365_endpoint_reference/tests/responses/get_endpoints_usgov_gcchigh.json","commit":"1cac0472f035b480558c3897157eb0e7dca49740","commitDate":"2025-12-01"},"dataDate":"2025-10-30","dataDateSource":{"repo":"natecohen/microsoft-ips","commit":"91e88fc866cff2cc0a39331831a90be5a56c6aac"},"includesMem":false},"endpointSets":[{"id":1,"serviceArea":"Exchange","serviceAreaDisplayName":"Exchange Online","urls":["outlook.office365.us"],"ips":["20.35.208.0/20","20.35.240.0/21","40.66.16.0/21","2001:489a:2200:100::/56","2001:489a:2200:400::/56","2001:489a:2200:600::/56"],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Optimize","required":true,"expressRoute":true},{"id":4,"serviceArea":"Exchange","serviceAreaDisplayName":"Exchange Online","urls":["attachments.office365-net.us","autodiscover-s.office365.us","autodiscover.*.mail.onmicrosoft.com","autodiscover.*.mail.onmicrosoft.us","autodiscover.*.onmicrosoft.com","autodiscover.*.onmicrosoft.us"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":true},{"id":5,"serviceArea":"Exchange","serviceAreaDisplayName":"Exchange Online","urls":["outlook.office365.us"],"ips":[],"tcpPorts":"25,143,587,993,995","udpPorts":"","tcpPortRanges":[[25,25],[143,143],[587,587],[993,993],[995,995]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":true},{"id":6,"serviceArea":"Exchange","serviceAreaDisplayName":"Exchange Online","urls":["*.manage.office365.us","*.protection.office365.us","*.scc.office365.us","*.usgovcloud-mx.microsoft","manage.office365.us","scc.office365.us"],"ips":["23.103.191.0/24","23.103.199.128/25","23.103.208.0/22","52.227.182.149/32","52.238.74.212/32","52.244.65.13/32","62.10.128.0/20","2001:489a:2202:4::/62","2001:489a:2202:c::/62","2001:489a:2202:2000::/63","2001:489a:2202:8000::/50"],"tcpPorts":"25,443","udpPorts":"","tcpPortRanges":[[25,25],[443,443]],"udpPortRanges":[],"category":"Allow","required":true,"expressRoute":true},{"id":7,"serviceArea":"Skype","serviceAreaDisplayName":"Microsoft Teams","urls":[],"ips":["13.72.144.0/20","52.127.88.0/21","104.212.44.0/22","2001:489a:2240::/44"],"tcpPorts":"","udpPorts":"3478,3479,3480,3481","tcpPortRanges":[],"udpPortRanges":[[3478,3481]],"category":"Optimize","required":true,"expressRoute":true},{"id":9,"serviceArea":"SharePoint","serviceAreaDisplayName":"SharePoint Online and OneDrive for Business","urls":["*.sharepoint.us"],"ips":["20.34.8.0/22","2001:489a:2204:800::/63","2001:489a:2204:900::/63"],"tcpPorts":"80,443","udpPorts":"443","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[[443,443]],"category":"Optimize","required":true,"expressRoute":true},{"id":10,"serviceArea":"SharePoint","serviceAreaDisplayName":"SharePoint Online and OneDrive for Business","urls":["*.wns.windows.com","admin.onedrive.us","g.live.com","oneclient.sfx.ms"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":11,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.gov.online.office365.us"],"ips":["52.127.37.0/24","52.127.82.0/23","2001:489a:2208::/49"],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Allow","required":true,"expressRoute":true},{"id":13,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.auth.microsoft.us","*.gov.us.microsoftonline.com","graph.microsoft.us","graph.microsoftazure.us","login.microsoftonline.us"],"ips":["20.140.232.0/23","52.126.194.0/23","2001:489a:3500::/50"],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Allow","required":true,"expressRoute":true},{"id":14,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.msauth.net","*.msauthimages.us","*.msftauth.net","*.msftauthimages.us","clientconfig.microsoftonline-p.net","graph.windows.net","login-us.microsoftonline.com","login.microsoftonline-p.com","login.microsoftonline.com","login.windows.net","loginex.microsoftonline.com","mscrl.microsoft.com","nexus.microsoftonline-p.com","secure.aadcdn.microsoftonline-p.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":15,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["officehome.msocdn.us","prod.msocdn.us"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":16,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["www.office365.us"],"ips":["52.227.170.242/32"],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Allow","required":true,"expressRoute":true},{"id":17,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.osi.office365.us","gcchigh.loki.office365.us","tasks.office365.us"],"ips":["52.127.240.0/20","2001:489a:2206::/48"],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Allow","required":true,"expressRoute":true},{"id":18,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.office.delivery.microsoft.com","activation.sls.microsoft.com","crl.microsoft.com","go.microsoft.com","insertmedia.bing.office.net","mrodevicemgr.officeapps.live.com","ocsa.officeapps.live.com","ocsredir.officeapps.live.com","ocws.officeapps.live.com","office15client.microsoft.com","officecdn.microsoft.com","officecdn.microsoft.com.edgesuite.net","officepreviewredir.microsoft.com","officeredir.microsoft.com","ols.officeapps.live.com","r.office.microsoft.com"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":19,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["cdn.odc.officeapps.live.com","odc.officeapps.live.com","officeclient.microsoft.com"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":20,"serviceArea":"SharePoint","serviceAreaDisplayName":"SharePoint Online and OneDrive for Business","urls":["*.svc.ms"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":21,"serviceArea":"Skype","serviceAreaDisplayName":"Microsoft Teams","urls":["msteamsstatics.blob.core.usgovcloudapi.net","statics.teams.microsoft.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":23,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.office365.us","*.usgovcloud-static.microsoft","*.usgovcloud-usercontent.microsoft","*.usgovcloud.microsoft"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":24,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["lpcres.delve.office.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":25,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.cdn.office.net"],"ips":[],"tcpPorts":"443,80","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":26,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.security.microsoft.us","compliance.microsoft.us","purview.microsoft.us","scc.office365.us","security.microsoft.us"],"ips":["20.158.112.0/21","52.127.240.0/20","2001:489a:2209::/49"],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Allow","required":true,"expressRoute":true},{"id":28,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["activity.windows.com","gcc-high.activity.windows.us"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":29,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["gcch-mtis.cortana.ai"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":30,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["*.aadrm.us","*.informationprotection.azure.us"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false},{"id":31,"serviceArea":"Skype","serviceAreaDisplayName":"Microsoft Teams","urls":["*.gov.teams.microsoft.us","gov.teams.microsoft.us"],"ips":["13.72.144.0/20","52.127.88.0/21","104.212.44.0/22","2001:489a:2240::/44"],"tcpPorts":"80, 443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Allow","required":true,"expressRoute":true},{"id":32,"serviceArea":"Common","serviceAreaDisplayName":"Microsoft 365 Common and Office Online","urls":["tb.events.data.microsoft.com","tb.pipe.aria.microsoft.com"],"ips":[],"tcpPorts":"443,80","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[],"category":"Default","required":true,"expressRoute":false}]}},"otherEndpoints":[{"row":1,"scenario":"import-service","purpose":"Uploading PST and other files to the Import Service over the network","direction":"outbound","scope":"client","destinations":{"hosts":[],"ips":[],"tcpPorts":"","udpPorts":"","tcpPortRanges":[],"udpPortRanges":[]},"note":"The table only points to the Import Service article for the endpoints."},{"row":2,"scenario":"support-recovery-assistant","purpose":"Microsoft Support and Recovery Assistant diagnostics","direction":"outbound","scope":"server","destinations":{"hosts":["autodiscover.outlook.com","officecdn.microsoft.com","api.diagnostics.office.com","apibasic.diagnostics.office.com","autodiscover-s.outlook.com","cloudcheckenabler.azurewebsites.net","login.live.com","login.microsoftonline.com","login.windows.net","o365diagtelemetry.trafficmanager.net","odc.officeapps.live.com","offcatedge.azureedge.net","officeapps.live.com","outlook.office365.com","outlookdiagnostics.azureedge.net","sara.api.support.microsoft.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[]},"note":"Every name is written as an https:// URL, hence TCP 443."},{"row":3,"scenario":"entra-connect-sso-inbound","purpose":"Microsoft Entra Connect with single sign-on reaching the customer\'s AD FS servers (WinRM, remote PowerShell)","direction":"inbound","scope":"server","destinations":{"hosts":[],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[]},"note":"The endpoints are the customer\'s own STS (AD FS server and AD FS proxy) on TCP 80 and 443; the table gives no Microsoft addresses for the connecting side."},{"row":4,"scenario":"sts-federation-inbound","purpose":"Microsoft 365 reaching the customer\'s STS, such as an AD FS proxy, for federated sign-in","direction":"inbound","scope":"server","destinations":{"hosts":[],"ips":[],"tcpPorts":"443,49443","udpPorts":"","tcpPortRanges":[[443,443],[49443,49443]],"udpPortRanges":[]},"note":"The endpoint is the customer\'s own STS; TCP 49443 is only used with client TLS certificate authentication. The table gives no Microsoft addresses for the connecting side."},{"row":5,"scenario":"exchange-um-sbc","purpose":"Exchange Online Unified Messaging with an on-premises session border controller","direction":"bidirectional","scope":"server","destinations":{"hosts":["*.um.outlook.com"],"ips":[],"tcpPorts":"","udpPorts":"","tcpPortRanges":[],"udpPortRanges":[]},"note":"The Destination column says the traffic flows both ways between the SBC and *.um.outlook.com; the Type column calls it outbound server-only traffic. No ports are given."},{"row":6,"scenario":"exchange-mailbox-migration-inbound","purpose":"Exchange Online connecting to the customer\'s published EWS/MRS proxy to migrate mailboxes","direction":"inbound","scope":"server","destinations":{"hosts":[],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[]},"note":"The endpoint is the customer\'s EWS/MRS proxy on TCP 443. The connecting addresses are those of the Exchange Online service area of the web service, which the endpoint sets already hold."},{"row":7,"scenario":"exchange-hybrid-coexistence-inbound","purpose":"Exchange hybrid coexistence, such as free/busy sharing, reaching the on-premises Exchange server","direction":"inbound","scope":"server","destinations":{"hosts":[],"ips":[],"tcpPorts":"","udpPorts":"","tcpPortRanges":[],"udpPortRanges":[]},"note":"The endpoint is the customer\'s Exchange server; the table gives no addresses or ports."},{"row":8,"scenario":"exchange-hybrid-proxy-auth-inbound","purpose":"Exchange hybrid proxy authentication against the customer\'s on-premises STS","direction":"inbound","scope":"server","destinations":{"hosts":[],"ips":[],"tcpPorts":"","udpPorts":"","tcpPortRanges":[],"udpPortRanges":[]},"note":"The endpoint is the customer\'s STS; the table gives no addresses or ports."},{"row":9,"scenario":"exchange-hybrid-wizard","part":"worldwide","purpose":"Running the Exchange Hybrid Configuration Wizard (only while configuring hybrid)","direction":"outbound","scope":"server","clouds":["worldwide"],"destinations":{"hosts":["*.store.core.windows.net","asl.configure.office.com","tds.configure.office.com","mshybridservice.trafficmanager.net","aka.ms","shcwreleaseprod.blob.core.windows.net"],"ips":[],"tcpPorts":"","udpPorts":"","tcpPortRanges":[],"udpPortRanges":[]},"note":"The table lists these for Worldwide Commercial and GCC without ports. It writes two of them with a path: aka.ms/hybridwizard and shcwreleaseprod.blob.core.windows.net/shcw/*."},{"row":9,"scenario":"exchange-hybrid-wizard","part":"usgov","purpose":"Running the Exchange Hybrid Configuration Wizard (only while configuring hybrid)","direction":"outbound","scope":"server","clouds":["usgovdod","usgovgcchigh"],"destinations":{"hosts":[],"ips":["40.118.209.192/32","168.62.190.41/32"],"tcpPorts":"","udpPorts":"","tcpPortRanges":[],"udpPortRanges":[]},"note":"The table lists these addresses for GCC High and DoD without ports."},{"row":9,"scenario":"exchange-2010-hybrid-wizard","purpose":"Running the Exchange 2010 SP3 Hybrid Configuration Wizard","direction":"outbound","scope":"server","destinations":{"hosts":["domains.live.com"],"ips":[],"tcpPorts":"80,443","udpPorts":"","tcpPortRanges":[[80,80],[443,443]],"udpPortRanges":[]},"note":"Only the Exchange 2010 SP3 wizard needs this name; the table does not restrict it to a cloud."},{"row":10,"scenario":"exchange-autodetect-inbound","purpose":"The AutoDetect service reaching the on-premises Exchange server, for hybrid modern authentication with Outlook for iOS and Android","direction":"inbound","scope":"server","destinations":{"hosts":["<email_domain>.outlookmobile.com","<email_domain>.outlookmobile.us"],"ips":["52.125.128.0/20","52.127.96.0/23"],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[]},"note":"The service connects to the customer\'s Exchange server on TCP 443. The two names hold the customer\'s mail domain and add no requirement; the table does not say which cloud uses which name or address, so the record applies to every cloud."},{"row":11,"scenario":"exchange-hybrid-entra-auth","purpose":"Microsoft Entra authentication for Exchange hybrid","direction":"outbound","scope":"server","destinations":{"hosts":["*.msappproxy.net"],"ips":[],"tcpPorts":"","udpPorts":"","tcpPortRanges":[],"udpPortRanges":[]},"note":"The table says TCP but gives no port."},{"row":12,"scenario":"skype-legacy-screen-sharing","purpose":"Screen sharing of Skype for Business clients in Office 2013 and earlier, RDP over TCP 443","direction":"outbound","scope":"client","destinations":{"hosts":[],"ips":["52.112.0.0/14"],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[]},"note":"Skype for Business in Office 2016 and later shares screens as video over UDP instead."},{"row":13,"scenario":"skype-hybrid-server","purpose":"On-premises Skype for Business servers connecting to Skype for Business Online in a hybrid setup","direction":"outbound","scope":"server","destinations":{"hosts":[],"ips":["13.107.64.0/18","52.112.0.0/14"],"tcpPorts":"50000-59999,5061","udpPorts":"50000-59999","tcpPortRanges":[[5061,5061],[50000,59999]],"udpPortRanges":[[50000,59999]]}},{"row":14,"scenario":"cloud-pstn-hybrid-inbound","purpose":"Cloud PSTN with on-premises hybrid connectivity reaching the on-premises hosts","direction":"inbound","scope":"server","destinations":{"hosts":[],"ips":[],"tcpPorts":"","udpPorts":"","tcpPortRanges":[],"udpPortRanges":[]},"note":"The table only points to the Skype for Business hybrid connectivity planning article."},{"row":15,"scenario":"trusted-sites-identity","purpose":"Authentication and identity name that must be in the browser\'s Trusted Sites zone","direction":"outbound","scope":"trusted-sites","destinations":{"hosts":["secure.aadcdn.microsoftonline-p.com"],"ips":[],"tcpPorts":"","udpPorts":"","tcpPortRanges":[],"udpPortRanges":[]},"note":"A browser zone setting rather than a firewall rule; no ports are given."},{"row":16,"scenario":"trusted-sites-teams","purpose":"Microsoft Teams names in the browser\'s Trusted Sites zone, with first- and third-party cookies enabled","direction":"outbound","scope":"trusted-sites","destinations":{"hosts":[],"ips":[],"tcpPorts":"","udpPorts":"","tcpPortRanges":[],"udpPortRanges":[]},"note":"The table names no hosts: it refers to the Teams names of the web service and to a \\"row 14\\" that no longer holds the suite-wide names."},{"row":17,"scenario":"trusted-sites-sharepoint","purpose":"SharePoint Online and OneDrive names that contain the tenant, in the browser\'s Trusted Sites zone","direction":"outbound","scope":"trusted-sites","destinations":{"hosts":[],"ips":[],"tcpPorts":"","udpPorts":"","tcpPortRanges":[],"udpPortRanges":[]},"note":"The table names no hosts; the names are the tenant-specific SharePoint names of the web service."},{"row":18,"scenario":"trusted-sites-yammer","purpose":"Yammer names in the browser\'s Trusted Sites zone, with the signed-in user passed through the proxy","direction":"outbound","scope":"trusted-sites","destinations":{"hosts":[],"ips":[],"tcpPorts":"","udpPorts":"","tcpPortRanges":[],"udpPortRanges":[]},"note":"The table names no hosts."},{"row":19,"scenario":"entra-connect-sync","purpose":"Microsoft Entra Connect synchronising on-premises accounts to Microsoft Entra ID","direction":"outbound","scope":"server","destinations":{"hosts":[],"ips":[],"tcpPorts":"","udpPorts":"","tcpPortRanges":[],"udpPortRanges":[]},"note":"The table only points to the Microsoft Entra hybrid identity port and connectivity articles."},{"row":20,"scenario":"azure-ad-connect-21vianet","part":"crl","purpose":"Microsoft Entra Connect syncing accounts to Microsoft Entra ID operated by 21Vianet","direction":"outbound","scope":"server","clouds":["china"],"destinations":{"hosts":["*.digicert.com","*.entrust.net"],"ips":[],"tcpPorts":"80","udpPorts":"","tcpPortRanges":[[80,80]],"udpPortRanges":[]},"note":"The certificate authorities\' names, on port 80 as the table writes them."},{"row":20,"scenario":"azure-ad-connect-21vianet","part":"service","purpose":"Microsoft Entra Connect syncing accounts to Microsoft Entra ID operated by 21Vianet","direction":"outbound","scope":"server","clouds":["china"],"destinations":{"hosts":["*.chinacloudapi.cn","secure.aadcdn.partner.microsoftonline-p.cn","*.partner.microsoftonline.cn"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[]},"note":"The service names, on port 443 as the table writes them."},{"row":21,"scenario":"microsoft-stream","purpose":"Microsoft Stream (with the user\'s Microsoft Entra token)","direction":"inbound","scope":"server","clouds":["worldwide"],"destinations":{"hosts":["*.cloudapp.net","*.api.microsoftstream.com","*.notification.api.microsoftstream.com","amp.azure.net","api.microsoftstream.com","az416426.vo.msecnd.net","s0.assets-yammer.com","vortex.data.microsoft.com","web.microsoftstream.com"],"ips":[],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[]},"note":"Listed for Worldwide including GCC. The Type column says inbound server traffic although the names are Microsoft services that clients reach."},{"row":22,"scenario":"mfa-server","purpose":"Multifactor authentication server, new installations and setup with AD DS","direction":"outbound","scope":"server","destinations":{"hosts":[],"ips":[],"tcpPorts":"","udpPorts":"","tcpPortRanges":[],"udpPortRanges":[]},"note":"The table only points to the MFA Server deployment article."},{"row":23,"scenario":"graph-change-notifications","part":"worldwide","purpose":"Microsoft Graph delivering change notifications to the customer\'s webhook","direction":"inbound","scope":"server","clouds":["worldwide"],"destinations":{"hosts":[],"ips":["52.159.23.209","52.159.17.84","13.78.204.0","52.148.24.136","52.148.27.39","52.147.213.251","52.147.213.181","20.127.53.125","40.76.162.99","40.76.162.42","70.37.95.92","70.37.95.11","70.37.92.195","70.37.93.191","70.37.90.219","20.9.36.45","20.9.35.166","20.9.36.128","20.9.37.73","20.9.37.76","20.96.21.67","20.69.245.215","104.46.117.15","20.96.21.98","20.96.21.115","137.135.11.161","137.135.11.116","20.253.156.113","137.135.11.222","137.135.11.250","52.159.107.50","52.159.107.4","52.159.124.33","52.159.109.205","52.159.102.72","20.98.68.182","20.98.68.57","20.98.68.200","20.98.68.203","20.98.68.218","20.171.81.121","20.25.189.138","20.171.82.192","20.171.83.146","20.171.83.157","52.142.114.29","52.142.115.31","20.223.139.245","51.104.159.213","51.104.159.181","51.124.75.43","51.124.73.177","104.40.209.182","51.138.90.7","51.138.90.52","20.199.102.157","20.199.102.73","20.216.150.67","20.111.9.46","20.111.9.77","13.87.81.123","13.87.81.35","20.90.99.1","13.87.81.133","13.87.81.141","20.91.212.211","20.91.212.136","20.91.213.57","20.91.208.88","20.91.209.147","20.44.210.83","20.44.210.146","20.212.153.162","52.148.115.48","52.148.114.238","40.80.232.177","40.80.232.118","52.231.196.24","40.80.233.14","40.80.239.196","20.48.12.75","20.48.11.201","20.89.108.161","20.48.14.35","20.48.15.147","104.215.13.23","104.215.6.169","20.89.240.165","104.215.18.55","104.215.12.254","20.20.32.0/19","20.190.128.0/18","20.231.128.0/19","40.126.0.0/18","2603:1006:2000::/48","2603:1007:200::/48","2603:1016:1400::/48","2603:1017::/48","2603:1026:3000::/48","2603:1027:1::/48","2603:1036:3000::/48","2603:1037:1::/48","2603:1046:2000::/48","2603:1047:1::/48","2603:1056:2000::/48","2603:1057:2::/48"],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[]},"note":"The addresses for the public cloud. Subscriptions may name ports other than 443."},{"row":23,"scenario":"graph-change-notifications","part":"usgov","purpose":"Microsoft Graph delivering change notifications to the customer\'s webhook","direction":"inbound","scope":"server","clouds":["usgovdod","usgovgcchigh"],"destinations":{"hosts":[],"ips":["52.244.33.45","52.244.35.174","52.243.157.104","52.243.157.105","52.182.25.254","52.182.25.110","52.181.25.67","52.181.25.66","52.244.111.156","52.244.111.170","52.243.147.249","52.243.148.19","52.182.32.51","52.182.32.143","52.181.24.199","52.181.24.220","20.140.232.0/23","52.126.194.0/23","2001:489a:3500::/50"],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[]},"note":"The addresses for Microsoft Cloud for US Government. Subscriptions may name ports other than 443."},{"row":23,"scenario":"graph-change-notifications","part":"china","purpose":"Microsoft Graph delivering change notifications to the customer\'s webhook","direction":"inbound","scope":"server","clouds":["china"],"destinations":{"hosts":[],"ips":["42.159.72.35","42.159.72.47","42.159.180.55","42.159.180.56","40.125.138.23","40.125.136.69","40.72.155.199","40.72.155.216","40.72.70.0/23","52.130.2.32/27","52.130.3.64/27","52.130.17.192/27","52.130.18.32/27","2406:e500:5500::/48"],"tcpPorts":"443","udpPorts":"","tcpPortRanges":[[443,443]],"udpPortRanges":[]},"note":"The addresses for the cloud operated by 21Vianet. Subscriptions may name ports other than 443."},{"row":24,"scenario":"network-connectivity-status-indicator","purpose":"Windows 10 and 11 checking that the computer is online; without it Microsoft 365 Apps stop checking activation and connections fail","direction":"outbound","scope":"server","destinations":{"hosts":["www.msftconnecttest.com"],"ips":[],"tcpPorts":"","udpPorts":"","tcpPortRanges":[],"udpPortRanges":[]},"note":"Windows clients need this name; the Type column calls it outbound server-only traffic. No ports are given."},{"row":25,"scenario":"teams-mobile-push-notifications","purpose":"Push notifications to the Teams app on Android and Apple devices","direction":"outbound","scope":"server","destinations":{"hosts":[],"ips":[],"tcpPorts":"","udpPorts":"","tcpPortRanges":[],"udpPortRanges":[]},"note":"The table only points to the Google Firebase and Apple push notification port documents."}]}');
;// CONCATENATED MODULE: ./src/catalogue/embedded.ts

/**
 * The catalogue built by scripts/build-catalogue.ts and bundled with the action. The JSON's
 * inferred type is wider than {@link Catalogue} (plain strings for enums, arrays for tuples);
 * the schema test and the build's own validation vouch for the narrower one.
 */
const EMBEDDED_CATALOGUE = catalogue_namespaceObject;

// EXTERNAL MODULE: ./src/cli-help.ts
var cli_help = __webpack_require__(321);
;// CONCATENATED MODULE: ./schemas/config.schema.json
const config_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://endpoint-drift.dev/schemas/config.schema.json","title":"endpoint-drift configuration","description":"The configuration file (default .github/endpoint-drift.yml). Every option has the same kebab-case name as the action input and the CLI flag; inputs and flags override the file, which overrides the defaults given here.","type":"object","additionalProperties":false,"properties":{"instance":{"description":"The Microsoft 365 cloud whose catalogue applies.","enum":["worldwide","china","usgovdod","usgovgcchigh"],"default":"worldwide"},"service-areas":{"description":"Service areas whose endpoints are required. MEM (Intune) is opt-in.","type":"array","items":{"enum":["Common","Exchange","SharePoint","Skype","MEM"]},"uniqueItems":true,"minItems":1,"default":["Common","Exchange","SharePoint","Skype"]},"categories":{"description":"Endpoint categories that are required.","type":"array","items":{"enum":["Optimize","Allow","Default"]},"uniqueItems":true,"minItems":1,"default":["Optimize","Allow","Default"]},"include-optional":{"description":"Also demand endpoint sets marked required: false (reported as notices).","type":"boolean","default":false},"ipv6":{"description":"Demand the IPv6 prefixes of the catalogue.","type":"boolean","default":true},"tenant":{"description":"Tenant label substituted into tenant-specific patterns such as autodiscover.*.onmicrosoft.com.","type":"string","pattern":"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$"},"scenarios":{"description":"Opt-in scenario ids from the \'Other endpoints not included in the web service\' data.","type":"array","items":{"type":"string","minLength":1},"uniqueItems":true,"default":[]},"fail-on":{"description":"The lowest severity that fails the check.","enum":["error","warning","notice","never"],"default":"error"},"allowlists":{"description":"Allowlist files to check. All files of one group together form one allowlist.","type":"array","default":[],"items":{"type":"object","additionalProperties":false,"required":["path"],"properties":{"path":{"description":"A file path or glob, relative to the repository root.","type":"string","minLength":1},"format":{"description":"The file format, or auto to detect it.","type":"string","minLength":1,"default":"auto"},"scope":{"description":"dedicated: the file exists for Microsoft 365, so anything not in the catalogue is extraneous. mixed: a general allowlist; only entries in Microsoft 365 namespaces or address space are judged.","enum":["dedicated","mixed"],"default":"dedicated"},"group":{"description":"Allowlists of different firewalls are checked separately: files with the same group form one allowlist.","type":"string","minLength":1,"default":"default"}}}}}}');
;// CONCATENATED MODULE: ./src/model/location.ts
function formatLocation(loc) {
    if (loc.line <= 0)
        return loc.file;
    return `${loc.file}:${loc.line}:${loc.column}`;
}
function compareLocations(a, b) {
    if (a.file !== b.file)
        return a.file < b.file ? -1 : 1;
    return a.line - b.line || a.column - b.column;
}

// EXTERNAL MODULE: ./node_modules/ajv/dist/2020.js
var _2020 = __webpack_require__(2210);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/config/yaml-doc.ts

function parsePositioned(text) {
    const lines = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    const errors = doc.errors.map((e) => {
        const pos = lines.linePos(e.pos[0]);
        return { line: pos.line, column: pos.col, message: firstLine(e.message) };
    });
    return { doc, lines, errors };
}
function firstLine(message) {
    const line = message.split('\n')[0] ?? message;
    return line.replace(/ at line \d+, column \d+:?$/, '').trim();
}
/** 1-based line and column of a node's start; the document start when there is no node. */
function nodePosition(pd, node) {
    const range = node?.range;
    if (!range)
        return { line: 1, column: 1 };
    const pos = pd.lines.linePos(range[0]);
    return { line: pos.line, column: pos.col };
}
/**
 * The node at a JSON pointer (`/allowlists/0/scope`), as deep as the document goes. With `key: true`
 * the last step returns the key node instead of the value (for "unknown property" errors).
 */
function nodeAt(pd, pointer, key = false) {
    const steps = pointer === '' ? [] : pointer.slice(1).split('/').map(unescapePointer);
    let node = pd.doc.contents;
    for (let i = 0; i < steps.length; i++) {
        const step = steps[i];
        const last = i === steps.length - 1;
        if ((0,dist/* isMap */.jh)(node)) {
            // The last of duplicate keys, as toJS() keeps the last value.
            const pair = node.items.findLast((p) => (0,dist/* isPair */.tO)(p) && (0,dist/* isScalar */.jn)(p.key) && String(p.key.value) === step);
            if (!pair)
                return node;
            node = last && key ? pair.key : (pair.value ?? pair.key);
        }
        else if ((0,dist/* isSeq */.oP)(node)) {
            const item = node.items[Number(step)];
            if (item === undefined)
                return node;
            node = item;
        }
        else {
            return node;
        }
    }
    return node;
}
function unescapePointer(s) {
    return s.replace(/~1/g, '/').replace(/~0/g, '~');
}

;// CONCATENATED MODULE: ./src/config/validate.ts


const ajv = new _2020.Ajv2020({ allErrors: true, useDefaults: true, strict: true });
const compiled = new Map();
function compile(schema) {
    let fn = compiled.get(schema);
    if (!fn) {
        fn = ajv.compile(schema);
        compiled.set(schema, fn);
    }
    return fn;
}
/**
 * Validates `data` (filling in schema defaults) and turns every error into a message with the
 * position of the offending node in `source`, when there is one.
 */
function validateWithSchema(schema, data, source) {
    const validate = compile(schema);
    if (validate(data))
        return [];
    const problems = [];
    const seen = new Set();
    for (const err of simplify(validate.errors ?? [])) {
        const unknownKey = err.keyword === 'additionalProperties';
        const pointer = unknownKey
            ? `${err.instancePath}/${String(err.params.additionalProperty)}`
            : err.instancePath;
        const message = describe(err);
        const id = `${pointer}\u0000${message}`;
        if (seen.has(id))
            continue;
        seen.add(id);
        const pos = source
            ? nodePosition(source, nodeAt(source, pointer, unknownKey))
            : { line: 0, column: 0 };
        problems.push({ pointer, message, ...pos });
    }
    return problems.sort((a, b) => a.line - b.line || a.column - b.column);
}
/** Drops the noise ajv adds around `oneOf`/`anyOf` when a more specific error exists at the same place. */
function simplify(errors) {
    const specific = new Set(errors.filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf').map((e) => e.instancePath));
    return errors.filter((e) => !((e.keyword === 'oneOf' || e.keyword === 'anyOf') && specific.has(e.instancePath)));
}
function describe(err) {
    const where = err.instancePath === '' ? 'the document' : `"${pointerToName(err.instancePath)}"`;
    const p = err.params;
    switch (err.keyword) {
        case 'enum':
            return `${where} must be one of ${p.allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
        case 'type':
            return `${where} must be ${article(String(p.type))}`;
        case 'additionalProperties':
            return `unknown key "${String(p.additionalProperty)}"${err.instancePath ? ` in ${where}` : ''}`;
        case 'required':
            return `${where} needs the key "${String(p.missingProperty)}"`;
        case 'uniqueItems':
            return `${where} lists the same value twice (items ${String(p.j)} and ${String(p.i)})`;
        case 'minItems':
            return `${where} must not be empty`;
        case 'minLength':
            return `${where} must not be empty`;
        case 'pattern':
            return `${where} is not valid (expected a value matching ${String(p.pattern)})`;
        default:
            return `${where} ${err.message ?? 'is not valid'}`;
    }
}
function article(type) {
    const names = {
        array: 'a list',
        object: 'a mapping',
        string: 'a string',
        boolean: 'true or false',
        integer: 'a whole number',
        number: 'a number',
    };
    return type
        .split(',')
        .map((t) => names[t] ?? t)
        .join(' or ');
}
function pointerToName(pointer) {
    return pointer
        .slice(1)
        .split('/')
        .map((s) => (/^\d+$/.test(s) ? `[${s}]` : `.${s.replace(/~1/g, '/').replace(/~0/g, '~')}`))
        .join('')
        .replace(/^\./, '');
}

;// CONCATENATED MODULE: ./src/config/options.ts




/** A user error in configuration: each message is one line naming file, line and column. */
class ConfigError extends Error {
    problems;
    constructor(problems) {
        super(problems.join('\n'));
        this.name = 'ConfigError';
        this.problems = problems;
    }
}
/** Names of the options that inputs and flags may set (the config-file keys). */
const OPTION_NAMES = [
    'instance',
    'service-areas',
    'categories',
    'include-optional',
    'ipv6',
    'tenant',
    'scenarios',
    'fail-on',
];
const LIST_OPTIONS = new Set(['service-areas', 'categories', 'scenarios']);
const BOOLEAN_OPTIONS = new Set(['include-optional', 'ipv6']);
/**
 * Merges, in one place: schema defaults < config file < inputs/flags. `allowlists` from inputs
 * (paths or globs) replace those of the file.
 */
function resolveOptions(file, overrides, extraAllowlists = []) {
    const problems = [];
    let fromFile = {};
    const origins = new Map();
    if (file) {
        const pd = parsePositioned(file.text);
        for (const e of pd.errors)
            problems.push(`${file.path}:${e.line}:${e.column}: ${e.message}`);
        if (pd.errors.length === 0) {
            const value = pd.doc.toJS();
            if (value === null || value === undefined)
                fromFile = {};
            else if (typeof value !== 'object' || Array.isArray(value))
                problems.push(`${file.path}:1:1: the configuration must be a mapping of options`);
            else {
                fromFile = value;
                for (const p of validateWithSchema(config_schema_namespaceObject, structuredClone(fromFile), pd))
                    problems.push(`${file.path}:${p.line}:${p.column}: ${p.message}`);
                const list = pd.doc.get('allowlists', true);
                list?.items?.forEach((item, i) => {
                    const start = item.range?.[0];
                    if (start !== undefined) {
                        const pos = pd.lines.linePos(start);
                        origins.set(i, { file: file.path, line: pos.line, column: pos.col });
                    }
                });
            }
        }
    }
    if (problems.length > 0)
        throw new ConfigError(problems);
    const merged = { ...fromFile };
    for (const name of OPTION_NAMES) {
        const raw = overrides[name];
        if (raw === undefined)
            continue;
        const text = (Array.isArray(raw) ? raw.join(',') : raw).trim();
        if (text === '')
            continue;
        const value = parseOverride(name, text);
        if (value.error)
            problems.push(`--${name}: ${value.error}`);
        else
            merged[name] = value.value;
    }
    if (extraAllowlists.length > 0) {
        merged.allowlists = extraAllowlists.map((path) => ({ path }));
        origins.clear();
    }
    if (problems.length > 0)
        throw new ConfigError(problems);
    const data = structuredClone(merged);
    for (const p of validateWithSchema(config_schema_namespaceObject, data)) {
        const option = p.pointer.split('/')[1] ?? '';
        problems.push(`${option ? `--${option}` : 'options'}: ${p.message}`);
    }
    if (problems.length > 0)
        throw new ConfigError(problems);
    const d = data;
    const allowlists = d.allowlists.map((a, i) => {
        const origin = origins.get(i);
        return {
            path: a.path,
            format: a.format,
            scope: a.scope,
            group: a.group,
            ...(origin ? { origin } : {}),
        };
    });
    return {
        instance: d.instance,
        serviceAreas: d['service-areas'],
        categories: d.categories,
        includeOptional: d['include-optional'],
        ipv6: d.ipv6,
        ...(typeof d.tenant === 'string' ? { tenant: d.tenant } : {}),
        scenarios: d.scenarios,
        failOn: d['fail-on'],
        allowlists,
    };
}
function parseOverride(name, text) {
    if (BOOLEAN_OPTIONS.has(name)) {
        const t = text.toLowerCase();
        if (t === 'true' || t === 'yes' || t === '1')
            return { value: true };
        if (t === 'false' || t === 'no' || t === '0')
            return { value: false };
        return { error: `expected true or false, got "${text}"` };
    }
    if (LIST_OPTIONS.has(name)) {
        const items = text
            .split(/[\s,]+/)
            .map((s) => s.trim())
            .filter(Boolean);
        return { value: name === 'scenarios' ? items : items.map((s) => canonicalCase(name, s)) };
    }
    return { value: name === 'instance' ? text.toLowerCase() : text };
}
const CANONICAL = {
    'service-areas': ['Common', 'Exchange', 'SharePoint', 'Skype', 'MEM'],
    categories: ['Optimize', 'Allow', 'Default'],
};
/** Flags are forgiving about case (`exchange`); the config file is exact, like the schema. */
function canonicalCase(name, value) {
    return CANONICAL[name]?.find((c) => c.toLowerCase() === value.toLowerCase()) ?? value;
}
function describeOrigin(spec) {
    return spec.origin ? formatLocation(spec.origin) : `--allowlist ${spec.path}`;
}

;// CONCATENATED MODULE: ./src/model/finding.ts
const SEVERITIES = (/* unused pure expression or super */ null && (['error', 'warning', 'notice']));
function severityRank(s) {
    return s === 'error' ? 3 : s === 'warning' ? 2 : 1;
}
/** The one table of rules: id, default severity and help. Used by every reporter. */
const RULES = {
    'missing-endpoint': {
        id: 'missing-endpoint',
        severity: 'error',
        title: 'Required endpoint missing',
        help: 'A Microsoft 365 endpoint that the selected catalogue requires is not allowed by any entry. Severity follows the endpoint set: error for Optimize and Allow, warning for Default, notice for optional sets.',
    },
    'partially-covered': {
        id: 'partially-covered',
        severity: 'warning',
        title: 'Required endpoint only partly allowed',
        help: 'Entries allow some but not all of what a requirement needs: some names of a wildcard, part of an address range, or not all of its ports.',
    },
    'extraneous-entry': {
        id: 'extraneous-entry',
        severity: 'warning',
        title: 'Entry not in the Microsoft 365 catalogue',
        help: 'In a file dedicated to Microsoft 365, nothing in the cloud’s catalogue (any endpoint set, optional or not, or the other-endpoints rows) matches this entry.',
    },
    'outside-selection': {
        id: 'outside-selection',
        severity: 'notice',
        title: 'Entry matched only by endpoint sets outside the selection',
        help: 'The entry belongs to Microsoft 365, but only to endpoint sets that the selected service areas, categories or options leave out.',
    },
    'over-broad-entry': {
        id: 'over-broad-entry',
        severity: 'warning',
        title: 'Entry far broader than required',
        help: 'The entry allows much more than Microsoft 365 needs: every name, a public suffix such as *.com, a whole registrable domain where only some names are required, 0.0.0.0/0, or a prefix far larger than anything required.',
    },
    'redundant-entry': {
        id: 'redundant-entry',
        severity: 'notice',
        title: 'Entry adds nothing',
        help: 'An exact duplicate, or an entry that is not itself a catalogue pattern and is already covered by another entry of the same allowlist.',
    },
    'host-bits-set': {
        id: 'host-bits-set',
        severity: 'warning',
        title: 'Prefix written with host bits set',
        help: 'The address has bits set beyond the prefix length (10.1.2.3/8). Firewalls disagree on what this means; write the network address.',
    },
    'invalid-entry': {
        id: 'invalid-entry',
        severity: 'error',
        title: 'Malformed entry',
        help: 'The entry cannot be read. It is ignored for coverage; the rest of the file is still checked.',
    },
    'unsupported-entry': {
        id: 'unsupported-entry',
        severity: 'notice',
        title: 'Entry read but not understood',
        help: 'The entry is valid in its format, but its meaning cannot be compared with the catalogue (for example a path part of a URL, or an unresolved interpolation).',
    },
};

// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: ./node_modules/ipaddr.js/lib/ipaddr.js
var ipaddr = __webpack_require__(8280);
var ipaddr_default = /*#__PURE__*/__webpack_require__.n(ipaddr);
// EXTERNAL MODULE: ./node_modules/tldts/dist/cjs/index.js
var cjs = __webpack_require__(935);
;// CONCATENATED MODULE: ./src/model/parsed.ts
const ok = (value) => ({ ok: true, value });
const fail = (error) => ({ ok: false, error });

;// CONCATENATED MODULE: ./src/model/host.ts




const MAX_LABEL = 63;
const MAX_NAME = 253;
/** tldts options: inputs are already canonical host names, so skip URL extraction and validation. */
const ICANN_ONLY = { extractHostname: false, validateHostname: false, detectIp: false };
const WITH_PRIVATE = { ...ICANN_ONLY, allowPrivateDomains: true };
/**
 * A DNS name or name pattern, canonical (lower case, punycode, no trailing dot). Immutable.
 *
 * A pattern is a lead (see {@link HostLead}) followed by label globs, matched
 * right-aligned against a name's labels. A label glob is a literal label, `*`
 * (exactly one label, e.g. the tenant in `autodiscover.*.onmicrosoft.com`), or
 * a label with `*` inside (`*cdn`, `*-admin`) where `*` matches zero or more
 * characters but never a dot. Lengths of names are not bounded here: the
 * 63/253 limits constrain what is written, not the algebra.
 */
class HostPattern {
    /** Canonical text: `*.sharepoint.com`, `.example.com`, `autodiscover.*.onmicrosoft.com`. */
    text;
    lead;
    /** The label globs after the lead, joined by dots (`sharepoint.com` for `*.sharepoint.com`; empty for `*`). */
    fixed;
    /** True when the pattern can match more than one name (any lead, or `*` in a label). */
    isWildcard;
    /** The fixed suffix after the last wildcard, e.g. "onmicrosoft.com" for "autodiscover.*.onmicrosoft.com". */
    base;
    // Computed on first use: parsing a large list must not pay for splitting or for tldts lookups.
    #labels;
    #isPublicSuffix;
    #registrable;
    constructor(lead, fixed, text) {
        this.lead = lead;
        this.fixed = fixed;
        this.text =
            text ??
                (lead === 'exact' ? fixed : lead === 'zeroOrMore' ? `.${fixed}` : fixed ? `*.${fixed}` : '*');
        const star = fixed.lastIndexOf('*');
        this.isWildcard = lead !== 'exact' || star >= 0;
        if (star < 0)
            this.base = fixed;
        else {
            const dot = fixed.indexOf('.', star);
            this.base = dot < 0 ? '' : fixed.slice(dot + 1);
        }
    }
    /** Label globs after the lead, left to right. */
    get labels() {
        return (this.#labels ??= this.fixed === '' ? [] : this.fixed.split('.'));
    }
    static parse(text, options) {
        const trimmed = text.trim();
        if (trimmed === '')
            return fail('host name is empty');
        let s = trimmed;
        if (hasNonAscii(s)) {
            const converted = toAsciiLabels(s);
            if (!converted.ok)
                return converted;
            s = converted.value;
        }
        // One pass for the alphabet, one for the label structure, no allocation on the way: lists can have a
        // million lines. Anything outside the alphabet goes to `explain` for a precise message.
        let hasUpper = false;
        let hasStar = false;
        for (let i = 0; i < s.length; i++) {
            const c = s.charCodeAt(i);
            if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 46 || c === 45 || c === 95)
                continue;
            if (c >= 65 && c <= 90)
                hasUpper = true;
            else if (c === 42)
                hasStar = true;
            else
                return fail(explain(trimmed, s));
        }
        if (hasUpper)
            s = s.toLowerCase();
        if (hasStar && s.includes('**'))
            s = s.replace(/\*+/g, '*');
        let lead = 'exact';
        let start = 0;
        let end = s.length;
        if (end > 1 && s.charCodeAt(end - 1) === 46)
            end--;
        if (s.charCodeAt(0) === 46) {
            lead = 'zeroOrMore';
            start = 1;
        }
        let wildcardLabels = 0;
        let labelStart = start;
        let labelHasStar = false;
        let labelAllDigits = true;
        for (let i = start; i <= end; i++) {
            const c = i < end ? s.charCodeAt(i) : 46;
            if (c !== 46) {
                if (c === 42)
                    labelHasStar = true;
                else if (c < 48 || c > 57)
                    labelAllDigits = false;
                continue;
            }
            const length = i - labelStart;
            if (length === 0)
                return fail(`${quote(trimmed)} has an empty label`);
            if (length > MAX_LABEL)
                return fail(`${quote(trimmed)} has a label of ${length} characters (at most ${MAX_LABEL})`);
            if (labelHasStar)
                wildcardLabels++;
            if (i < end) {
                labelStart = i + 1;
                labelHasStar = false;
                labelAllDigits = true;
            }
        }
        if (end - start > MAX_NAME) {
            return fail(`${quote(trimmed)} is ${end - start} characters long (at most ${MAX_NAME})`);
        }
        if (wildcardLabels > 0 && lead === 'zeroOrMore') {
            return fail(`${quote(trimmed)} combines a leading dot with a wildcard`);
        }
        if (wildcardLabels > 1)
            return fail(`${quote(trimmed)} has more than one wildcard label`);
        if (labelAllDigits && !labelHasStar) {
            if (isIPv4(s.slice(start, end)))
                return fail(`${quote(trimmed)} is an IP address, not a host name`);
            return fail(`${quote(trimmed)} ends in an all-numeric label`);
        }
        if (lead === 'exact' && s.charCodeAt(0) === 42 && (end === 1 || s.charCodeAt(1) === 46)) {
            return ok(new HostPattern('oneOrMore', end === 1 ? '' : s.slice(2, end), end === s.length ? s : undefined));
        }
        if (lead === 'exact' && wildcardLabels === 0 && options?.bareMeansSubtree) {
            return ok(new HostPattern('zeroOrMore', s.slice(0, end)));
        }
        const canonical = end === s.length ? s : s.slice(0, end);
        return ok(new HostPattern(lead, lead === 'exact' ? canonical : canonical.slice(1), canonical));
    }
    /** Parses text that is known to be valid (catalogue data, tests); throws otherwise. */
    static of(text, options) {
        const parsed = HostPattern.parse(text, options);
        if (!parsed.ok)
            throw new Error(parsed.error);
        return parsed.value;
    }
    /** Whether the concrete name (no wildcards) is matched. */
    matches(name) {
        const n = canonicalName(name);
        if (!this.isWildcard)
            return n === this.text;
        const base = this.base;
        if (base.length === this.text.length - 2 && this.lead === 'oneOrMore') {
            // `*.x`, the common case.
            return (n.length > base.length + 1 &&
                n.endsWith(base) &&
                n.charCodeAt(n.length - base.length - 1) === 46);
        }
        if (this.lead === 'zeroOrMore') {
            return n === base || (n.endsWith(base) && n.charCodeAt(n.length - base.length - 1) === 46);
        }
        const nameLabels = n.split('.');
        const k = this.labels.length;
        const extra = nameLabels.length - k;
        if (this.lead === 'exact' ? extra !== 0 : extra < minLead(this.lead))
            return false;
        for (let i = 0; i < k; i++) {
            const label = nameLabels[extra + i];
            if (label === '' || !globMatches(this.labels[i], label))
                return false;
        }
        for (let i = 0; i < extra; i++)
            if (nameLabels[i] === '')
                return false;
        return true;
    }
    /** full: every name `required` matches is matched by this; partial: some but not all; none: no name in common. */
    coverage(required) {
        if (this.covers(required))
            return 'full';
        return this.intersects(required) ? 'partial' : 'none';
    }
    /** Every name `other` matches is matched by this (language containment). */
    covers(other) {
        if (!other.isWildcard)
            return this.matches(other.text);
        if (!this.isWildcard)
            return false;
        // Every label count `other` allows must be allowed here.
        const otherMin = other.labels.length + minLead(other.lead);
        const thisMin = this.labels.length + minLead(this.lead);
        if (this.lead === 'exact') {
            if (other.lead !== 'exact' || otherMin !== thisMin)
                return false;
        }
        else if (otherMin < thisMin) {
            return false;
        }
        // Then, right-aligned, each of our label globs must contain what `other` allows at that position:
        // its own glob, or any label where its lead stands.
        const k = this.labels.length;
        const n = other.labels.length;
        for (let i = 1; i <= k; i++) {
            const mine = this.labels[k - i];
            if (i > n) {
                if (mine !== '*')
                    return false;
            }
            else if (!globIncludes(mine, other.labels[n - i])) {
                return false;
            }
        }
        return true;
    }
    /** Some name is matched by both patterns. */
    intersects(other) {
        if (!other.isWildcard)
            return this.matches(other.text);
        if (!this.isWildcard)
            return other.matches(this.text);
        const aMin = this.labels.length + minLead(this.lead);
        const bMin = other.labels.length + minLead(other.lead);
        // The label counts must overlap; beyond the shorter glob list one side is a lead, which takes any label.
        if (this.lead === 'exact' && other.lead === 'exact') {
            if (aMin !== bMin)
                return false;
        }
        else if (this.lead === 'exact') {
            if (aMin < bMin)
                return false;
        }
        else if (other.lead === 'exact') {
            if (bMin < aMin)
                return false;
        }
        const k = this.labels.length;
        const n = other.labels.length;
        for (let i = 1; i <= Math.min(k, n); i++) {
            if (!globIntersects(this.labels[k - i], other.labels[n - i]))
                return false;
        }
        return true;
    }
    /** Replace a wildcard label in the middle (`autodiscover.*.onmicrosoft.com`) by the tenant label. Unchanged if none. */
    withTenant(tenant) {
        const index = this.labels.indexOf('*');
        if (index < 0)
            return this;
        const label = tenant.trim().toLowerCase();
        // Tenant names come from configuration, which the schema validates; a bad one here is a programming error.
        if (!/^[a-z0-9_-]{1,63}$/.test(label))
            throw new Error(`tenant ${quote(tenant)} is not a single DNS label`);
        const labels = [...this.labels];
        labels[index] = label;
        return new HostPattern(this.lead, labels.join('.'));
    }
    /**
     * Why this pattern is too broad to be an allowlist entry, or undefined: `*`, `*.com`, `.com`, `*.co.uk`, or any
     * wildcard/subtree whose base is a public suffix (ICANN or private section, via tldts). Private-section suffixes
     * count because each name under them belongs to a different owner (`*.cloudapp.net` admits every tenant's app).
     */
    overBreadth() {
        if (!this.isWildcard)
            return undefined;
        if (this.fixed === '')
            return `${quote(this.text)} matches every host name`;
        if (this.base === '')
            return `${quote(this.text)} leaves the top-level domain open`;
        if (this.#baseIsPublicSuffix()) {
            return `${quote(this.text)} matches names of any owner under the public suffix ${quote(this.base)}`;
        }
        return undefined;
    }
    /**
     * Registrable domain of the pattern's fixed part (ICANN section of the public suffix list), e.g. "sharepoint.com"
     * for "*.contoso.sharepoint.com"; undefined for public suffixes. ICANN only, so that Microsoft's own suffixes
     * that sit in the private section (`cloudapp.net`, `blob.core.windows.net`) still group under their domain.
     */
    registrableDomain() {
        if (this.#registrable === undefined) {
            this.#registrable = this.base === '' ? null : (0,cjs/* getDomain */.FB)(this.base, ICANN_ONLY);
        }
        return this.#registrable ?? undefined;
    }
    key() {
        return this.text;
    }
    toString() {
        return this.text;
    }
    /** Only listed suffixes count: tldts treats any unknown last label (`.corp`, `.local`) as a suffix too. */
    #baseIsPublicSuffix() {
        if (this.#isPublicSuffix === undefined) {
            const result = (0,cjs/* parse */.qg)(this.base, WITH_PRIVATE);
            const listed = result.isIcann === true || result.isPrivate === true;
            this.#isPublicSuffix = listed && result.publicSuffix === this.base;
        }
        return this.#isPublicSuffix;
    }
}
/** Orders patterns by key, for deterministic output. */
function compareHostPatterns(a, b) {
    return a.text < b.text ? -1 : a.text > b.text ? 1 : 0;
}
function minLead(lead) {
    return lead === 'oneOrMore' ? 1 : 0;
}
function quote(text) {
    return `"${text.length > 80 ? `${text.slice(0, 77)}...` : text}"`;
}
function hasNonAscii(s) {
    for (let i = 0; i < s.length; i++)
        if (s.charCodeAt(i) > 127)
            return true;
    return false;
}
function isDigits(s) {
    for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c < 48 || c > 57)
            return false;
    }
    return s.length > 0;
}
function isIPv4(s) {
    const parts = s.split('.');
    return parts.length === 4 && parts.every((p) => isDigits(p) && p.length <= 3 && Number(p) <= 255);
}
const IDNA_DOTS = /[.\u3002\uff0e\uff61]/;
const NOT_HOST_CHAR = /[\s/:@*?#[\]\\]/;
/**
 * Converts labels written in Unicode to punycode. Labels that also carry characters no host name may have are left
 * alone so that `explain` can name the real problem (a scheme, a path) instead of a failed conversion.
 */
function toAsciiLabels(s) {
    const labels = s.split(IDNA_DOTS);
    for (let i = 0; i < labels.length; i++) {
        const label = labels[i];
        if (!hasNonAscii(label))
            continue;
        if (label.includes('*') && !/[\s/:@]/.test(label)) {
            return fail(`${quote(s)} mixes a wildcard with non-ASCII characters in one label`);
        }
        if (NOT_HOST_CHAR.test(label))
            continue;
        const ascii = (0,external_node_url_.domainToASCII)(label);
        if (ascii === '' || ascii.includes('.'))
            return fail(`${quote(s)} is not a valid internationalised domain name`);
        labels[i] = ascii;
    }
    return ok(labels.join('.'));
}
/** The precise reason text with a character outside the host-name alphabet is not a host pattern. */
function explain(original, s) {
    const q = quote(original);
    const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(s);
    if (scheme)
        return `${q} has a scheme: remove "${scheme[0]}"`;
    const slash = s.indexOf('/');
    const address = slash < 0 ? s : s.slice(0, slash);
    const isRange = slash >= 0 && /^\d{1,3}$/.test(s.slice(slash + 1));
    const colonAt = address.indexOf(':');
    const beforePort = colonAt >= 0 && colonAt === address.lastIndexOf(':') ? address.slice(0, colonAt) : address;
    if (isIPv4(beforePort) || (address.includes(':') && ipaddr_default().IPv6.isValid(address))) {
        return `${q} is an IP ${isRange ? 'range' : 'address'}, not a host name`;
    }
    const space = /\s/.exec(s);
    if (space)
        return `${q} contains ${space[0] === ' ' ? 'a space' : 'whitespace'}`;
    if (slash >= 0)
        return `${q} has a path: remove "${s.slice(slash)}"`;
    const colon = s.indexOf(':');
    if (colon >= 0 && /^\d+$/.test(s.slice(colon + 1)))
        return `${q} has a port: remove "${s.slice(colon)}"`;
    for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        const allowed = (c >= 97 && c <= 122) ||
            (c >= 65 && c <= 90) ||
            (c >= 48 && c <= 57) ||
            c === 46 ||
            c === 45 ||
            c === 95;
        if (!allowed && c !== 42) {
            const ch = String.fromCodePoint(s.codePointAt(i));
            return `${q} contains "${ch}", which is not allowed in a host name`;
        }
    }
    return `${q} is not a host name`;
}
/** Lower case, no trailing dot, punycode: the form `matches` compares. */
function canonicalName(name) {
    let n = name;
    if (hasNonAscii(n))
        n = n
            .split(IDNA_DOTS)
            .map((l) => (hasNonAscii(l) ? (0,external_node_url_.domainToASCII)(l) || l : l))
            .join('.');
    for (let i = 0; i < n.length; i++) {
        const c = n.charCodeAt(i);
        if (c >= 65 && c <= 90) {
            n = n.toLowerCase();
            break;
        }
    }
    return n.length > 1 && n.endsWith('.') ? n.slice(0, -1) : n;
}
// ---- Label globs -------------------------------------------------------------------------------------------------
// A glob is a label in which `*` stands for zero or more characters (never a dot); consecutive stars are collapsed.
// Labels are never empty, so only non-empty strings belong to a glob's language.
/** Whether the non-empty label matches the glob (iterative, backtracking only to the last star). */
function globMatches(glob, label) {
    if (!glob.includes('*'))
        return glob === label;
    if (label === '')
        return false;
    let g = 0;
    let l = 0;
    let starG = -1;
    let starL = 0;
    while (l < label.length) {
        const gc = glob.charCodeAt(g);
        if (g < glob.length && gc === 42) {
            starG = g++;
            starL = l;
        }
        else if (g < glob.length && gc === label.charCodeAt(l)) {
            g++;
            l++;
        }
        else if (starG >= 0) {
            g = starG + 1;
            l = ++starL;
        }
        else {
            return false;
        }
    }
    while (g < glob.length && glob.charCodeAt(g) === 42)
        g++;
    return g === glob.length;
}
/** Whether every label `inner` matches is matched by `outer`. */
function globIncludes(outer, inner) {
    if (outer === inner || outer === '*')
        return true;
    if (!inner.includes('*'))
        return globMatches(outer, inner);
    if (!outer.includes('*'))
        return false; // `inner` matches infinitely many labels, `outer` one.
    const o = singleStar(outer);
    const i = singleStar(inner);
    // p1*s1 contains p2*s2 exactly when p1 starts p2 and s1 ends s2: a longer p1 would fix a character that `inner`
    // leaves free, and with both inside `inner`'s fixed parts they cannot overlap.
    if (o && i)
        return i[0].startsWith(o[0]) && i[1].endsWith(o[1]);
    // Subset construction over both globs at once: a reachable pair where `inner` accepts and `outer` does not
    // is a label in `inner` but not in `outer`.
    return !explore(inner, outer, (innerAccepts, outerAccepts) => innerAccepts && !outerAccepts);
}
/** Whether some label is matched by both globs. */
function globIntersects(a, b) {
    if (a === b || a === '*' || b === '*')
        return true;
    if (!a.includes('*'))
        return globMatches(b, a);
    if (!b.includes('*'))
        return globMatches(a, b);
    const sa = singleStar(a);
    const sb = singleStar(b);
    // Compatible prefixes and suffixes suffice: the longer prefix followed by the longer suffix is in both.
    if (sa && sb)
        return compatible(sa[0], sb[0], true) && compatible(sa[1], sb[1], false);
    return explore(a, b, (aAccepts, bAccepts) => aAccepts && bAccepts);
}
/** Prefix and suffix around the only star of a glob, or undefined when it has none or several. */
function singleStar(glob) {
    const star = glob.indexOf('*');
    if (star < 0 || glob.indexOf('*', star + 1) >= 0)
        return undefined;
    return [glob.slice(0, star), glob.slice(star + 1)];
}
/** One string is a prefix (or suffix) of the other. */
function compatible(x, y, prefix) {
    const [short, long] = x.length <= y.length ? [x, y] : [y, x];
    return prefix ? long.startsWith(short) : long.endsWith(short);
}
/** Characters a label may contain; the letters used by neither glob all behave alike, so one stands for them. */
const LABEL_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789-_';
/**
 * Breadth-first search over pairs of NFA state sets of two globs (state i = "i characters of the glob consumed"),
 * after at least one character; true when `found` holds for some reachable pair. Globs are at most 63 characters,
 * so sets fit comfortably in sorted arrays.
 */
function explore(a, b, found) {
    const symbols = [];
    for (const ch of new Set(a + b))
        if (ch !== '*')
            symbols.push(ch.charCodeAt(0));
    const other = [...LABEL_ALPHABET].find((ch) => !a.includes(ch) && !b.includes(ch));
    if (other !== undefined)
        symbols.push(other.charCodeAt(0));
    const startA = closure(a, [0]);
    const startB = closure(b, [0]);
    const seen = new Set([`${startA}|${startB}`]);
    const queue = [[startA, startB]];
    while (queue.length > 0) {
        const [sa, sb] = queue.shift();
        for (const c of symbols) {
            const na = step(a, sa, c);
            const nb = step(b, sb, c);
            if (found(na.includes(a.length), nb.includes(b.length)))
                return true;
            // Once both sets are empty nothing further is reachable; one empty side may still matter to `found`.
            if (na.length === 0 && nb.length === 0)
                continue;
            const key = `${na}|${nb}`;
            if (seen.has(key))
                continue;
            seen.add(key);
            queue.push([na, nb]);
        }
    }
    return false;
}
function closure(glob, states) {
    const out = new Set();
    for (let s of states) {
        out.add(s);
        while (s < glob.length && glob.charCodeAt(s) === 42)
            out.add(++s);
    }
    return [...out].sort((x, y) => x - y);
}
function step(glob, states, c) {
    const next = [];
    for (const s of states) {
        if (s >= glob.length)
            continue;
        const g = glob.charCodeAt(s);
        if (g === 42)
            next.push(s);
        else if (g === c)
            next.push(s + 1);
    }
    return closure(glob, next);
}

;// CONCATENATED MODULE: ./src/model/ip.ts

/**
 * Copies `w`-word first and last addresses out of scratch space into a block's own array. Blocks
 * hold plain arrays (small typed arrays cost far more to allocate, and a list parser makes one
 * block per line), built as one literal so the engine stores the words unboxed from the start.
 */
function pairOf(s, w) {
    return w === 1 ? [s[0], s[1]] : [s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]];
}
const TWO32 = 0x1_0000_0000;
const MAX32 = 0xffff_ffff;
const wordCount = (family) => (family === 4 ? 1 : 4);
const bitCount = (family) => (family === 4 ? 32 : 128);
/** Lexicographic comparison of two W-word addresses. */
function cmp(a, ai, b, bi, w) {
    for (let k = 0; k < w; k++) {
        const x = a[ai + k];
        const y = b[bi + k];
        if (x !== y)
            return x < y ? -1 : 1;
    }
    return 0;
}
/** True when address `b` is address `a` plus one. */
function isNext(a, ai, b, bi, w) {
    let k = w - 1;
    while (k >= 0 && a[ai + k] === MAX32) {
        if (b[bi + k] !== 0)
            return false;
        k--;
    }
    if (k < 0)
        return false;
    if (b[bi + k] !== a[ai + k] + 1)
        return false;
    for (k--; k >= 0; k--)
        if (a[ai + k] !== b[bi + k])
            return false;
    return true;
}
/** True when an interval starting at `start` overlaps or directly follows one ending at `end`. */
function touches(end, ei, start, si, w) {
    return cmp(start, si, end, ei, w) <= 0 || isNext(end, ei, start, si, w);
}
function copy(dst, di, src, si, w) {
    for (let k = 0; k < w; k++)
        dst[di + k] = src[si + k];
}
/** dst = src + 1; the caller guarantees src is not the last address. */
function copyNext(dst, di, src, si, w) {
    let carry = 1;
    for (let k = w - 1; k >= 0; k--) {
        const x = src[si + k] + carry;
        carry = x === TWO32 ? 1 : 0;
        dst[di + k] = carry ? 0 : x;
    }
}
/** dst = src - 1; the caller guarantees src is not address zero. */
function copyPrev(dst, di, src, si, w) {
    let borrow = 1;
    for (let k = w - 1; k >= 0; k--) {
        const x = src[si + k] - borrow;
        borrow = x < 0 ? 1 : 0;
        dst[di + k] = borrow ? MAX32 : x;
    }
}
function ctz32(x) {
    return x === 0 ? 32 : 31 - Math.clz32(x & -x);
}
function trailingZeros(a, ai, w) {
    let n = 0;
    for (let k = w - 1; k >= 0; k--) {
        const x = a[ai + k];
        if (x !== 0)
            return n + ctz32(x);
        n += 32;
    }
    return n;
}
function trailingOnes(a, ai, w) {
    let n = 0;
    for (let k = w - 1; k >= 0; k--) {
        const x = a[ai + k];
        if (x !== MAX32)
            return n + ctz32(~x);
        n += 32;
    }
    return n;
}
function bitLength(a, ai, w) {
    for (let k = 0; k < w; k++) {
        const x = a[ai + k];
        if (x !== 0)
            return (w - k) * 32 - Math.clz32(x);
    }
    return 0;
}
/** out = a - b (a >= b). */
function diff(out, a, ai, b, bi, w) {
    let borrow = 0;
    for (let k = w - 1; k >= 0; k--) {
        let x = a[ai + k] - b[bi + k] - borrow;
        borrow = x < 0 ? 1 : 0;
        if (borrow)
            x += TWO32;
        out[k] = x;
    }
}
/** a += 2^bit, in place; the caller guarantees no overflow past the top word. */
function addPow2(a, bit, w) {
    let k = w - 1 - (bit >>> 5);
    let x = a[k] + 2 ** (bit & 31);
    while (x >= TWO32 && k > 0) {
        a[k] = x - TWO32;
        k--;
        x = a[k] + 1;
    }
    a[k] = x;
}
/**
 * Writes the first and last address of the `len`-bit prefix containing `addr` into `out`
 * (first at 0, last at w).
 */
function maskInto(out, addr, ai, len, w) {
    for (let k = 0; k < w; k++) {
        const x = addr[ai + k];
        const kept = len - 32 * k;
        if (kept >= 32) {
            out[k] = x;
            out[w + k] = x;
        }
        else if (kept <= 0) {
            out[k] = 0;
            out[w + k] = MAX32;
        }
        else {
            const m = (MAX32 << (32 - kept)) >>> 0;
            const lo = (x & m) >>> 0;
            out[k] = lo;
            out[w + k] = (lo | ~m) >>> 0;
        }
    }
}
/**
 * The prefix length of [first, last] when that interval is exactly one aligned CIDR block,
 * else undefined. Scratch `d` must hold w words.
 */
function exactPrefix(a, fi, li, w, d) {
    diff(d, a, li, a, fi, w);
    const len = bitLength(d, 0, w);
    if (trailingOnes(d, 0, w) !== len)
        return undefined;
    if (trailingZeros(a, fi, w) < len)
        return undefined;
    return w * 32 - len;
}
function toBigInt(a, ai, w) {
    if (w === 1)
        return BigInt(a[ai]);
    let v = 0n;
    for (let k = 0; k < w; k++)
        v = (v << 32n) | BigInt(a[ai + k]);
    return v;
}
// ---------------------------------------------------------------------------------------------
// Text
function formatV4(x) {
    return `${x >>> 24}.${(x >>> 16) & 255}.${(x >>> 8) & 255}.${x & 255}`;
}
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16));
const HEX2 = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const hexGroup = (x) => (x < 256 ? HEX[x] : HEX[x >>> 8] + HEX2[x & 255]);
const g16 = [0, 0, 0, 0, 0, 0, 0, 0];
const textParts = [];
/**
 * Fills `textParts` with the RFC 5952 text of an IPv6 address: lower-case, no leading zeros, the
 * longest run (leftmost on ties) of two or more zero groups as "::", IPv4-mapped addresses with a
 * dotted quad (section 5).
 */
function v6Parts(a, ai) {
    const parts = textParts;
    parts.length = 0;
    if (a[ai] === 0 && a[ai + 1] === 0 && a[ai + 2] === 0xffff) {
        parts.push('::ffff:', formatV4(a[ai + 3]));
        return parts;
    }
    const g = g16;
    for (let k = 0; k < 4; k++) {
        const x = a[ai + k];
        g[2 * k] = x >>> 16;
        g[2 * k + 1] = x & 0xffff;
    }
    let bestAt = -1;
    let bestLen = 1;
    for (let i = 0; i < 8;) {
        if (g[i] !== 0) {
            i++;
            continue;
        }
        let j = i + 1;
        while (j < 8 && g[j] === 0)
            j++;
        if (j - i > bestLen) {
            bestAt = i;
            bestLen = j - i;
        }
        i = j;
    }
    for (let i = 0; i < 8; i++) {
        if (i === bestAt) {
            parts.push('::');
            i += bestLen - 1;
            continue;
        }
        if (i > 0 && i !== bestAt + bestLen)
            parts.push(':');
        parts.push(hexGroup(g[i]));
    }
    return parts;
}
/*
 * Joined rather than concatenated piece by piece: the result is one flat string, not a tree of
 * partial strings, which matters when half a million of them are kept.
 */
function formatV6(a, ai, suffix = '') {
    const parts = v6Parts(a, ai);
    parts.push(suffix);
    return parts.join('');
}
/**
 * The canonical text of the IPv6 address parsed from text[0, end), reusing `text` itself when it
 * was already written canonically (the usual case), so no new string is made.
 */
function canonicalV6(a, text, end, len) {
    const parts = v6Parts(a, 0);
    let at = 0;
    for (const p of parts) {
        if (!text.startsWith(p, at))
            return formatV6(a, 0, `/${len}`);
        at += p.length;
    }
    if (at !== end)
        return formatV6(a, 0, `/${len}`);
    // A prefix length that parsed has no leading zeros, so what follows the address is canonical.
    return end === text.length ? `${text}/${len}` : text;
}
function formatAddress(a, ai, w) {
    return w === 1 ? formatV4(a[ai]) : formatV6(a, ai);
}
const quoted = (s) => `"${s}"`;
/** Parses dotted-quad IPv4 in s[start, end); returns the address or an error message. */
function parseV4(s, start, end, whole) {
    let value = 0;
    let octets = 0;
    let i = start;
    for (;;) {
        const begin = i;
        let n = 0;
        while (i < end) {
            const c = s.charCodeAt(i);
            if (c < 48 || c > 57)
                break;
            n = n * 10 + (c - 48);
            i++;
        }
        if (i === begin) {
            if (i < end && s.charCodeAt(i) !== 46)
                return `unexpected character ${quoted(s.charAt(i))} in ${quoted(whole)}`;
            return `empty octet in ${quoted(whole)}`;
        }
        if (i - begin > 1 && s.charCodeAt(begin) === 48)
            return `octet ${quoted(s.slice(begin, i))} has a leading zero (ambiguous octal) in ${quoted(whole)}`;
        if (n > 255)
            return `octet ${s.slice(begin, i)} is out of range (0-255) in ${quoted(whole)}`;
        if (++octets > 4)
            return `too many octets in ${quoted(whole)} (expected 4)`;
        value = value * 256 + n;
        if (i === end)
            break;
        if (s.charCodeAt(i) !== 46)
            return `unexpected character ${quoted(s.charAt(i))} in ${quoted(whole)}`;
        i++;
        if (i === end)
            return `empty octet in ${quoted(whole)}`;
    }
    if (octets < 4)
        return `too few octets in ${quoted(whole)} (expected 4)`;
    return value;
}
function hexDigit(c) {
    if (c >= 48 && c <= 57)
        return c - 48;
    if (c >= 97 && c <= 102)
        return c - 87;
    if (c >= 65 && c <= 70)
        return c - 55;
    return -1;
}
const groups = new Array(8).fill(0);
/**
 * Parses IPv6 text in s[start, end) into four words at out[oi]; returns an error message or
 * undefined. Zone ids are rejected by the caller.
 */
function parseV6(s, start, end, whole, out, oi) {
    const at = quoted(whole);
    let n = 0;
    let gap = -1;
    let i = start;
    if (s.charCodeAt(i) === 58) {
        if (s.charCodeAt(i + 1) !== 58 || i + 1 >= end)
            return `address starts with a single ":" in ${at}`;
        gap = 0;
        i += 2;
        if (i < end && s.charCodeAt(i) === 58)
            return `":::" is not valid in ${at}`;
    }
    while (i < end) {
        const begin = i;
        let v = 0;
        while (i < end) {
            const d = hexDigit(s.charCodeAt(i));
            if (d < 0)
                break;
            v = v * 16 + d;
            i++;
        }
        if (i < end && s.charCodeAt(i) === 46) {
            // A trailing dotted quad stands for the last two groups.
            if (n > 6)
                return `too many groups in ${at}`;
            const v4 = parseV4(s, begin, end, whole);
            if (typeof v4 === 'string')
                return v4;
            groups[n++] = v4 >>> 16;
            groups[n++] = v4 & 0xffff;
            i = end;
            break;
        }
        if (i === begin)
            return `unexpected character ${quoted(s.charAt(i))} in ${at}`;
        if (i - begin > 4)
            return `group ${quoted(s.slice(begin, i))} has more than 4 hex digits in ${at}`;
        if (n === 8)
            return `too many groups in ${at}`;
        groups[n++] = v;
        if (i === end)
            break;
        if (s.charCodeAt(i) !== 58)
            return `unexpected character ${quoted(s.charAt(i))} in ${at}`;
        i++;
        if (i === end)
            return `address ends with a single ":" in ${at}`;
        if (s.charCodeAt(i) === 58) {
            if (gap >= 0)
                return `more than one "::" in ${at}`;
            gap = n;
            i++;
            if (i < end && s.charCodeAt(i) === 58)
                return `":::" is not valid in ${at}`;
        }
    }
    if (gap >= 0) {
        // "::" stands for at least one zero group (RFC 4291 section 2.2).
        if (n > 7)
            return `too many groups in ${at}`;
        const zeros = 8 - n;
        for (let k = n - 1; k >= gap; k--)
            groups[k + zeros] = groups[k];
        for (let k = gap; k < gap + zeros; k++)
            groups[k] = 0;
    }
    else if (n < 8) {
        return `too few groups in ${at} (expected 8, or "::")`;
    }
    for (let k = 0; k < 4; k++)
        out[oi + k] = groups[2 * k] * 0x10000 + groups[2 * k + 1];
    return undefined;
}
/** Parses one address (either family) in s[start, end) into `out` at `oi`; returns its family or an error. */
function parseAddress(s, start, end, whole, out, oi) {
    let colon = false;
    for (let i = start; i < end; i++) {
        if (s.charCodeAt(i) === 58) {
            colon = true;
            break;
        }
    }
    if (!colon) {
        const c = s.charCodeAt(start);
        if (c < 48 || c > 57)
            return `${quoted(whole)} is not an IP address`;
        const v = parseV4(s, start, end, whole);
        if (typeof v === 'string')
            return v;
        out[oi] = v;
        return 4;
    }
    const zone = s.indexOf('%', start);
    if (zone >= 0 && zone < end)
        return `zone id ${quoted(s.slice(zone, end))} is not allowed in ${quoted(whole)}`;
    return parseV6(s, start, end, whole, out, oi) ?? 6;
}
/** Parses a prefix length in s[start, end) for `family`; returns it or an error. */
function parseLength(s, start, whole, family) {
    const text = s.slice(start);
    if (text === '')
        return `missing prefix length after "/" in ${quoted(whole)}`;
    let n = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c < 48 || c > 57)
            return `invalid prefix length ${quoted(text)} in ${quoted(whole)}`;
        n = n * 10 + (c - 48);
    }
    // Same rule as octets: "08" reads differently to different tools, so it is refused.
    if (text.length > 1 && text.charCodeAt(0) === 48)
        return `prefix length ${quoted(text)} has a leading zero in ${quoted(whole)}`;
    const max = bitCount(family);
    if (n > max)
        return `prefix length ${text} is out of range for IPv${family} (0-${max}) in ${quoted(whole)}`;
    return n;
}
function isSpace(c) {
    return c === 32 || c === 9;
}
// ---------------------------------------------------------------------------------------------
// IpBlock
let makeBlock;
let wordsOf;
/** An address block as written: a prefix `a/len`, a bare address (= /32 or /128), or a range `a-b`. Immutable. */
class IpBlock {
    family;
    /**
     * Canonical text as written: `10.1.2.3/8` keeps its host bits, a bare address gains `/32` or
     * `/128`, IPv6 is RFC 5952 text, a range stays `a-b`.
     */
    text;
    /** Undefined for a range that is not exactly one CIDR block. */
    prefixLength;
    /** `10.1.2.3/8`: reported by callers, never silently fixed. */
    hasHostBits;
    /** First address then last address (after masking), each as big-endian 32-bit words. */
    #w;
    #first;
    #last;
    #masked;
    static {
        makeBlock = (family, text, prefixLength, hasHostBits, w) => new IpBlock(family, text, prefixLength, hasHostBits, w);
        wordsOf = (b) => b.#w;
    }
    constructor(family, text, prefixLength, hasHostBits, w) {
        this.family = family;
        this.text = text;
        this.prefixLength = prefixLength;
        this.hasHostBits = hasHostBits;
        this.#w = w;
    }
    /** First address covered (after masking), inclusive. */
    get first() {
        return (this.#first ??= toBigInt(this.#w, 0, this.#w.length >>> 1));
    }
    /** Last address covered, inclusive. */
    get last() {
        const w = this.#w.length >>> 1;
        return (this.#last ??= toBigInt(this.#w, w, w));
    }
    /** Number of addresses. */
    size() {
        return this.last - this.first + 1n;
    }
    /** The network itself: `10.1.2.3/8` becomes `10.0.0.0/8`; other blocks are returned as they are. */
    masked() {
        if (!this.hasHostBits)
            return this;
        return (this.#masked ??= makeBlock(this.family, `${formatAddress(this.#w, 0, this.#w.length >>> 1)}/${this.prefixLength}`, this.prefixLength, false, this.#w));
    }
    contains(other) {
        if (other.family !== this.family)
            return false;
        const w = this.#w.length >>> 1;
        const o = other.#w;
        return cmp(o, 0, this.#w, 0, w) >= 0 && cmp(o, w, this.#w, w, w) <= 0;
    }
    overlaps(other) {
        if (other.family !== this.family)
            return false;
        const w = this.#w.length >>> 1;
        const o = other.#w;
        return cmp(o, 0, this.#w, w, w) <= 0 && cmp(o, w, this.#w, 0, w) >= 0;
    }
    key() {
        return this.text;
    }
    toString() {
        return this.text;
    }
    /** IPv4 before IPv6, then by first address, then by last; text breaks the remaining ties. */
    /**
     * Positions of `blocks` in `compareWidestFirst` order, ties in input order. Keys are copied
     * into typed arrays first: for hundreds of thousands of blocks this is several times faster
     * than sorting the blocks with a comparator.
     */
    static orderWidestFirst(blocks) {
        const n = blocks.length;
        const words = new Uint32Array(n * 8);
        const family = new Uint8Array(n);
        for (let i = 0; i < n; i++) {
            const b = blocks[i];
            const w = b.#w;
            const half = w.length >>> 1;
            family[i] = b.family;
            // IPv4 uses one word per address; place it last so both families compare the same way.
            for (let k = 0; k < half; k++) {
                words[i * 8 + 4 - half + k] = w[k];
                words[i * 8 + 8 - half + k] = w[half + k];
            }
        }
        const order = new Uint32Array(n);
        for (let i = 0; i < n; i++)
            order[i] = i;
        return order.sort((a, b) => {
            if (family[a] !== family[b])
                return family[a] - family[b];
            const x = a * 8;
            const y = b * 8;
            for (let k = 0; k < 4; k++) {
                const p = words[x + k];
                const q = words[y + k];
                if (p !== q)
                    return p < q ? -1 : 1;
            }
            for (let k = 4; k < 8; k++) {
                const p = words[x + k];
                const q = words[y + k];
                if (p !== q)
                    return p > q ? -1 : 1;
            }
            return a - b;
        });
    }
    /** Family, then first address ascending, then wider first: a covering block sorts before what it covers. */
    static compareWidestFirst(a, b) {
        if (a.family !== b.family)
            return a.family - b.family;
        const w = a.#w.length >>> 1;
        return cmp(a.#w, 0, b.#w, 0, w) || cmp(b.#w, w, a.#w, w, w);
    }
    static compare(a, b) {
        if (a.family !== b.family)
            return a.family - b.family;
        const w = a.#w.length >>> 1;
        return (cmp(a.#w, 0, b.#w, 0, w) ||
            cmp(a.#w, w, b.#w, w, w) ||
            (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
    }
}
const scratchAddr = [0, 0, 0, 0, 0, 0, 0, 0];
const scratchPair = [0, 0, 0, 0, 0, 0, 0, 0];
const scratchDiff = [0, 0, 0, 0];
/**
 * One pass over the commonest form, a well-formed `a.b.c.d` or `a.b.c.d/len`; anything else
 * (including every error) returns undefined and takes the general path, which owns the messages.
 */
function parsePlainV4(text) {
    const n = text.length;
    let i = 0;
    let value = 0;
    for (let octet = 0;; octet++) {
        if (i >= n)
            return undefined;
        const c0 = text.charCodeAt(i++) - 48;
        if (c0 < 0 || c0 > 9)
            return undefined;
        let v = c0;
        if (c0 !== 0) {
            while (i < n) {
                const c = text.charCodeAt(i) - 48;
                if (c < 0 || c > 9)
                    break;
                v = v * 10 + c;
                i++;
            }
            if (v > 255)
                return undefined;
        }
        value = value * 256 + v;
        if (octet === 3)
            break;
        if (i >= n || text.charCodeAt(i++) !== 46)
            return undefined;
    }
    let len = 32;
    const bare = i === n;
    if (!bare) {
        if (text.charCodeAt(i++) !== 47 || i >= n)
            return undefined;
        len = text.charCodeAt(i++) - 48;
        if (len < 0 || len > 9)
            return undefined;
        if (i < n) {
            const c = text.charCodeAt(i++) - 48;
            if (len === 0 || c < 0 || c > 9 || i < n)
                return undefined;
            len = len * 10 + c;
            if (len > 32)
                return undefined;
        }
    }
    const mask = len === 0 ? 0 : (MAX32 << (32 - len)) >>> 0;
    const first = (value & mask) >>> 0;
    const last = (first | ~mask) >>> 0;
    return makeBlock(4, bare ? `${text}/32` : text, len, first !== value, [first, last]);
}
/**
 * Parses `1.2.3.4`, `10.0.0.0/8`, `10.1.2.3/8` (kept, with hasHostBits), `2001:db8::/32`,
 * `::ffff:1.2.3.4`, and ranges `10.0.0.1-10.0.0.9` (spaces around the dash allowed).
 * Leading zeros in octets and prefix lengths, zone ids and mixed-family ranges are refused.
 */
function parseIpBlock(text) {
    const v4 = parsePlainV4(text);
    if (v4 !== undefined)
        return ok(v4);
    if (text === '')
        return fail('empty address');
    const slash = text.indexOf('/');
    const dash = text.indexOf('-');
    if (dash >= 0 && (slash < 0 || dash !== slash + 1))
        return parseRange(text, dash, slash);
    if (slash === 0)
        return fail(`missing address before "/" in ${quoted(text)}`);
    const end = slash < 0 ? text.length : slash;
    const a = scratchAddr;
    const family = parseAddress(text, 0, end, text, a, 0);
    if (typeof family === 'string')
        return fail(family);
    const len = slash < 0 ? bitCount(family) : parseLength(text, slash + 1, text, family);
    if (typeof len === 'string')
        return fail(len);
    const w = wordCount(family);
    const pair = scratchPair;
    maskInto(pair, a, 0, len, w);
    const hostBits = cmp(a, 0, pair, 0, w) !== 0;
    const words = pairOf(pair, w);
    // Dotted quads without leading zeros are already canonical, so IPv4 text is kept as written.
    const canonical = family === 4 ? (slash < 0 ? `${text}/32` : text) : canonicalV6(a, text, end, len);
    return ok(makeBlock(family, canonical, len, hostBits, words));
}
function parseRange(text, dash, slash) {
    if (slash >= 0)
        return fail(`a range cannot have a prefix length in ${quoted(text)}`);
    let le = dash;
    while (le > 0 && isSpace(text.charCodeAt(le - 1)))
        le--;
    let rs = dash + 1;
    while (rs < text.length && isSpace(text.charCodeAt(rs)))
        rs++;
    if (le === 0)
        return fail(`missing range start before "-" in ${quoted(text)}`);
    if (rs === text.length)
        return fail(`missing range end after "-" in ${quoted(text)}`);
    const a = scratchAddr;
    const fa = parseAddress(text, 0, le, text, a, 0);
    if (typeof fa === 'string')
        return fail(fa);
    const fb = parseAddress(text, rs, text.length, text, a, 4);
    if (typeof fb === 'string')
        return fail(fb);
    if (fa !== fb)
        return fail(`range ${quoted(text)} mixes IPv4 and IPv6`);
    const w = wordCount(fa);
    const pair = scratchPair;
    copy(pair, 0, a, 0, w);
    copy(pair, w, a, 4, w);
    const words = pairOf(pair, w);
    if (cmp(words, w, words, 0, w) < 0)
        return fail(`range ${quoted(text)} ends before it starts`);
    const canonical = `${formatAddress(words, 0, w)}-${formatAddress(words, w, w)}`;
    return ok(makeBlock(fa, canonical, exactPrefix(words, 0, w, w, scratchDiff), false, words));
}
/**
 * Cheap test used by list parsers to decide that a token is meant as an IP address, so that a
 * malformed one is reported as such rather than read as a host name: digits with dots, slashes
 * and dashes (`10.0.0.0/8`, `10.0.0.1-10.0.0.9`, `300.1.1.1`), or hex with at least two colons
 * (`2001:db8::/32`, `fe80::1%eth0`).
 */
function looksLikeIp(text) {
    let colons = 0;
    let digits = 0;
    let dotsOrSlashes = 0;
    let letters = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c >= 48 && c <= 57)
            digits++;
        else if (c === 58)
            colons++;
        else if (c === 46 || c === 47)
            dotsOrSlashes++;
        else if (c === 45)
            continue;
        else if ((c >= 97 && c <= 102) || (c >= 65 && c <= 70))
            letters++;
        else if (c === 37 && colons >= 2)
            return true;
        else
            return false;
    }
    if (colons >= 2)
        return true;
    return colons === 0 && letters === 0 && digits > 0 && dotsOrSlashes > 0;
}
// ---------------------------------------------------------------------------------------------
// Interval lists: Uint32Array of [start words, end words] per interval, sorted, disjoint, and
// never adjacent (touching intervals are merged), so equal sets have equal arrays.
const EMPTY = new Uint32Array(0);
/**
 * Sorts n keys of w words each; `scratch` is a buffer of the same size, and the result is in
 * either `keys` or `scratch`. IPv4 uses the engine's numeric typed-array sort; IPv6 an LSD radix
 * sort on 16-bit digits. Buffers are reused because large typed arrays are memory outside the
 * heap, and allocating much of it makes the engine collect the whole (possibly large) heap.
 */
function sortKeys(keys, scratch, n, w) {
    if (w === 1)
        return keys.sort();
    if (n < 256) {
        const order = Array.from({ length: n }, (_, i) => i);
        order.sort((x, y) => cmp(keys, x * w, keys, y * w, w));
        for (let i = 0; i < n; i++)
            copy(scratch, i * w, keys, order[i] * w, w);
        return scratch;
    }
    return radixSort128(keys, scratch, n);
}
/** Digit counts for the radix sort, kept between calls (2 MiB, made on first use). */
let radixCounts;
/**
 * LSD radix sort of n 128-bit keys (four words each) on 16-bit digits. One pass counts every
 * digit; a digit that is the same in every key is skipped, and prefixes have long zero (or
 * all-ones) tails, so lists of real prefixes take about half the passes.
 */
function radixSort128(keys, scratch, n) {
    const counts = (radixCounts ??= new Uint32Array(8 * 65536));
    counts.fill(0);
    for (let i = 0; i < 4 * n; i += 4) {
        for (let word = 0; word < 4; word++) {
            const x = keys[i + word];
            const base = (3 - word) * 2 * 65536;
            counts[base + (x & 0xffff)]++;
            counts[base + 65536 + (x >>> 16)]++;
        }
    }
    let src = keys;
    let dst = scratch;
    for (let digit = 0; digit < 8; digit++) {
        const word = 3 - (digit >>> 1);
        const shift = (digit & 1) * 16;
        const base = digit * 65536;
        if (counts[base + ((keys[word] >>> shift) & 0xffff)] === n)
            continue;
        let sum = 0;
        for (let d = base; d < base + 65536; d++) {
            const c = counts[d];
            counts[d] = sum;
            sum += c;
        }
        for (let i = 0; i < 4 * n; i += 4) {
            const o = counts[base + ((src[i + word] >>> shift) & 0xffff)]++ * 4;
            dst[o] = src[i];
            dst[o + 1] = src[i + 1];
            dst[o + 2] = src[i + 2];
            dst[o + 3] = src[i + 3];
        }
        const t = src;
        src = dst;
        dst = t;
    }
    return src;
}
/**
 * Merges n intervals given as separate start and end key arrays (both are reordered). Sorting
 * starts and ends on their own is enough: pairing the i-th smallest start with the i-th smallest
 * end gives intervals with the same union, and avoids sorting records.
 */
function buildList(starts, ends, n, w) {
    if (n === 0)
        return EMPTY;
    if (w === 1)
        return buildList32(starts.sort(), ends.sort(), n);
    let scratch = new Uint32Array(starts.length);
    const s = sortKeys(starts, scratch, n, w);
    if (s === scratch)
        scratch = starts;
    const e = sortKeys(ends, scratch, n, w);
    // Count first, so the result is allocated once at its final size.
    let m = 1;
    for (let i = 1; i < n; i++)
        if (!touches(e, (i - 1) * w, s, i * w, w))
            m++;
    const out = new Uint32Array(2 * w * m);
    let k = 0;
    let from = 0;
    for (let i = 1; i < n; i++) {
        if (touches(e, (i - 1) * w, s, i * w, w))
            continue;
        copy(out, k, s, from * w, w);
        copy(out, k + w, e, (i - 1) * w, w);
        k += 2 * w;
        from = i;
    }
    copy(out, k, s, from * w, w);
    copy(out, k + w, e, (n - 1) * w, w);
    return out;
}
/** buildList for sorted IPv4 keys, in plain number arithmetic: a list parser calls it once, cold. */
function buildList32(s, e, n) {
    let m = 1;
    for (let i = 1; i < n; i++)
        if (s[i] > e[i - 1] + 1)
            m++;
    const out = new Uint32Array(2 * m);
    let k = 0;
    out[0] = s[0];
    for (let i = 1; i < n; i++) {
        if (s[i] <= e[i - 1] + 1)
            continue;
        out[k + 1] = e[i - 1];
        out[k + 2] = s[i];
        k += 2;
    }
    out[k + 1] = e[n - 1];
    return out;
}
function unionLists(a, b, w) {
    if (b.length === 0)
        return a;
    if (a.length === 0)
        return b;
    const r = 2 * w;
    const na = a.length / r;
    const nb = b.length / r;
    const out = new Uint32Array(a.length + b.length);
    let m = -1;
    let i = 0;
    let j = 0;
    while (i < na || j < nb) {
        let src;
        let off;
        if (j >= nb || (i < na && cmp(a, i * r, b, j * r, w) <= 0)) {
            src = a;
            off = i++ * r;
        }
        else {
            src = b;
            off = j++ * r;
        }
        if (m >= 0 && touches(out, m * r + w, src, off, w)) {
            if (cmp(src, off + w, out, m * r + w, w) > 0)
                copy(out, m * r + w, src, off + w, w);
        }
        else {
            m++;
            copy(out, m * r, src, off, r);
        }
    }
    return out.slice(0, (m + 1) * r);
}
function subtractLists(a, b, w) {
    if (a.length === 0 || b.length === 0)
        return a;
    const m = subtractInto(null, a, b, w);
    const out = new Uint32Array(m * 2 * w);
    subtractInto(out, a, b, w);
    return out;
}
/**
 * Writes a minus b into `out` (when given) and returns the number of intervals. Run twice, to
 * count and then to fill, so that a small set minus a huge one allocates only what it keeps.
 */
function subtractInto(out, a, b, w) {
    const r = 2 * w;
    const na = a.length / r;
    const nb = b.length / r;
    const cur = new Uint32Array(w);
    let m = 0;
    let j = 0;
    for (let i = 0; i < na; i++) {
        const as = i * r;
        const ae = as + w;
        copy(cur, 0, a, as, w);
        j = firstEndingAtOrAfter(b, j, cur, 0, w);
        let open = true;
        while (j < nb && cmp(b, j * r, a, ae, w) <= 0) {
            const bs = j * r;
            if (cmp(b, bs, cur, 0, w) > 0) {
                if (out) {
                    copy(out, m * r, cur, 0, w);
                    copyPrev(out, m * r + w, b, bs, w);
                }
                m++;
            }
            // This b interval may reach into the next a interval: keep j on it.
            if (cmp(b, bs + w, a, ae, w) >= 0) {
                open = false;
                break;
            }
            copyNext(cur, 0, b, bs + w, w);
            j++;
        }
        if (open) {
            if (out) {
                copy(out, m * r, cur, 0, w);
                copy(out, m * r + w, a, ae, w);
            }
            m++;
        }
    }
    return m;
}
function intersectLists(a, b, w) {
    if (a.length === 0 || b.length === 0)
        return EMPTY;
    const m = intersectInto(null, a, b, w);
    const out = new Uint32Array(m * 2 * w);
    intersectInto(out, a, b, w);
    return out;
}
/** Writes a intersect b into `out` (when given) and returns the number of intervals. */
function intersectInto(out, a, b, w) {
    const r = 2 * w;
    const na = a.length / r;
    const nb = b.length / r;
    let m = 0;
    let i = 0;
    let j = 0;
    for (;;) {
        // Skip, in big steps, what ends before the other side's current interval starts.
        i = firstEndingAtOrAfter(a, i, b, j * r, w);
        if (i >= na)
            break;
        j = firstEndingAtOrAfter(b, j, a, i * r, w);
        if (j >= nb)
            break;
        const ai = i * r;
        const bi = j * r;
        const aStartsLater = cmp(a, ai, b, bi, w) >= 0;
        const lo = aStartsLater ? a : b;
        const loAt = aStartsLater ? ai : bi;
        const aEndsFirst = cmp(a, ai + w, b, bi + w, w) <= 0;
        const hi = aEndsFirst ? a : b;
        const hiAt = (aEndsFirst ? ai : bi) + w;
        if (cmp(lo, loAt, hi, hiAt, w) <= 0) {
            if (out) {
                copy(out, m * r, lo, loAt, w);
                copy(out, m * r + w, hi, hiAt, w);
            }
            m++;
        }
        if (aEndsFirst)
            i++;
        else
            j++;
        if (i >= na || j >= nb)
            break;
    }
    return m;
}
/**
 * The first interval at or after `from` whose end is at or after the address x[xi] (or the
 * interval count). Gallops: one step when the answer is near, a binary search when it is far.
 */
function firstEndingAtOrAfter(list, from, x, xi, w) {
    const r = 2 * w;
    const n = list.length / r;
    if (from >= n || cmp(list, from * r + w, x, xi, w) >= 0)
        return from;
    // Invariant: the interval at lo ends before x; the answer is in (lo, hi].
    let lo = from;
    let step = 1;
    let hi = from + step;
    while (hi < n && cmp(list, hi * r + w, x, xi, w) < 0) {
        lo = hi;
        step *= 2;
        hi = from + step;
    }
    if (hi > n)
        hi = n;
    while (hi - lo > 1) {
        const mid = (lo + hi) >>> 1;
        if (cmp(list, mid * r + w, x, xi, w) < 0)
            lo = mid;
        else
            hi = mid;
    }
    return hi;
}
/** Index of the last interval whose start is <= the address at x[xi], or -1. */
function lastStartingAtOrBefore(list, x, xi, w) {
    const r = 2 * w;
    let lo = 0;
    let hi = list.length / r - 1;
    let found = -1;
    while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        if (cmp(list, mid * r, x, xi, w) <= 0) {
            found = mid;
            lo = mid + 1;
        }
        else {
            hi = mid - 1;
        }
    }
    return found;
}
/** The standard greedy split of each interval into the fewest aligned CIDR blocks. */
function cidrsOf(list, family, out) {
    const w = wordCount(family);
    const bits = w * 32;
    const r = 2 * w;
    const lo = new Uint32Array(w);
    const d = new Uint32Array(w);
    const pair = new Uint32Array(r);
    for (let i = 0; i < list.length; i += r) {
        copy(lo, 0, list, i, w);
        for (;;) {
            diff(d, list, i + w, lo, 0, w);
            const span = bitLength(d, 0, w);
            const exact = trailingOnes(d, 0, w) === span;
            const fit = exact ? span : span - 1;
            const k = Math.min(trailingZeros(lo, 0, w), fit);
            maskInto(pair, lo, 0, bits - k, w);
            const text = `${formatAddress(lo, 0, w)}/${bits - k}`;
            out.push(makeBlock(family, text, bits - k, false, pairOf(pair, w)));
            if (exact && k === span)
                break;
            addPow2(lo, k, w);
        }
    }
}
function formatList(list, w) {
    const out = [];
    for (let i = 0; i < list.length; i += 2 * w)
        out.push(`${formatAddress(list, i, w)}-${formatAddress(list, i + w, w)}`);
    return out;
}
function sizeOf(list, w) {
    if (w === 1) {
        let n = 0;
        for (let i = 0; i < list.length; i += 2)
            n += list[i + 1] - list[i] + 1;
        return BigInt(n);
    }
    let n = 0n;
    for (let i = 0; i < list.length; i += 2 * w)
        n += toBigInt(list, i + w, w) - toBigInt(list, i, w) + 1n;
    return n;
}
function sameWords(a, b) {
    if (a.length !== b.length)
        return false;
    for (let i = 0; i < a.length; i++)
        if (a[i] !== b[i])
            return false;
    return true;
}
/** An immutable set of addresses of both families (sorted, merged intervals per family). */
class IpSet {
    static #EMPTY = new IpSet(EMPTY, EMPTY);
    #v4;
    #v6;
    constructor(v4, v6) {
        this.#v4 = v4;
        this.#v6 = v6;
    }
    static empty() {
        return IpSet.#EMPTY;
    }
    /** Sort + merge, O(n log n) for IPv4 and linear passes for IPv6. */
    static of(blocks) {
        const list = Array.isArray(blocks) ? blocks : [...blocks];
        let n4 = 0;
        for (const b of list)
            if (b.family === 4)
                n4++;
        const n6 = list.length - n4;
        const s4 = new Uint32Array(n4);
        const e4 = new Uint32Array(n4);
        const s6 = new Uint32Array(4 * n6);
        const e6 = new Uint32Array(4 * n6);
        let i4 = 0;
        let i6 = 0;
        for (const b of list) {
            const x = wordsOf(b);
            if (b.family === 4) {
                s4[i4] = x[0];
                e4[i4++] = x[1];
            }
            else {
                s6[i6] = x[0];
                s6[i6 + 1] = x[1];
                s6[i6 + 2] = x[2];
                s6[i6 + 3] = x[3];
                e6[i6] = x[4];
                e6[i6 + 1] = x[5];
                e6[i6 + 2] = x[6];
                e6[i6 + 3] = x[7];
                i6 += 4;
            }
        }
        if (n4 === 0 && n6 === 0)
            return IpSet.#EMPTY;
        return new IpSet(buildList(s4, e4, n4, 1), buildList(s6, e6, n6, 4));
    }
    union(other) {
        return new IpSet(unionLists(this.#v4, other.#v4, 1), unionLists(this.#v6, other.#v6, 4));
    }
    /** Addresses of this set that `other` does not contain. */
    subtract(other) {
        return new IpSet(subtractLists(this.#v4, other.#v4, 1), subtractLists(this.#v6, other.#v6, 4));
    }
    intersect(other) {
        return new IpSet(intersectLists(this.#v4, other.#v4, 1), intersectLists(this.#v6, other.#v6, 4));
    }
    isEmpty() {
        return this.#v4.length === 0 && this.#v6.length === 0;
    }
    /** True when every address of `block` is in the set. */
    covers(block) {
        const w = wordCount(block.family);
        const list = block.family === 4 ? this.#v4 : this.#v6;
        const x = wordsOf(block);
        const i = lastStartingAtOrBefore(list, x, 0, w);
        return i >= 0 && cmp(list, i * 2 * w + w, x, w, w) >= 0;
    }
    /** True when some address of `block` is in the set. */
    overlaps(block) {
        const w = wordCount(block.family);
        const list = block.family === 4 ? this.#v4 : this.#v6;
        const x = wordsOf(block);
        const i = lastStartingAtOrBefore(list, x, w, w);
        return i >= 0 && cmp(list, i * 2 * w + w, x, 0, w) >= 0;
    }
    size(family) {
        return family === 4 ? sizeOf(this.#v4, 1) : sizeOf(this.#v6, 4);
    }
    /** The minimal list of CIDR prefixes that exactly equals this set, sorted (v4 first). */
    toCidrs() {
        const out = [];
        cidrsOf(this.#v4, 4, out);
        cidrsOf(this.#v6, 6, out);
        return out;
    }
    /** The merged intervals as range blocks (`a-b`), sorted (v4 first). */
    toRanges() {
        const out = [];
        for (const [family, list] of [
            [4, this.#v4],
            [6, this.#v6],
        ]) {
            const w = wordCount(family);
            for (let i = 0; i < list.length; i += 2 * w) {
                const words = Array.from(list.subarray(i, i + 2 * w));
                const text = `${formatAddress(words, 0, w)}-${formatAddress(words, w, w)}`;
                out.push(makeBlock(family, text, exactPrefix(words, 0, w, w, scratchDiff), false, words));
            }
        }
        return out;
    }
    equals(other) {
        return sameWords(this.#v4, other.#v4) && sameWords(this.#v6, other.#v6);
    }
    /** The merged intervals as text; equal sets have equal keys. */
    key() {
        return [...formatList(this.#v4, 1), ...formatList(this.#v6, 4)].join(',');
    }
    toString() {
        return this.key();
    }
}

;// CONCATENATED MODULE: ./src/parsers/source.ts

/**
 * Helpers shared by the parsers: reading a file line by line with each entry separated from
 * its comment (columns kept), telling what a written value is meant to be, and locating JSON
 * syntax errors.
 */
const BOM = 0xfeff;
/** The text without a leading UTF-8 byte order mark, so columns count from the first visible character. */
function withoutBom(text) {
    return text.charCodeAt(0) === BOM ? text.slice(1) : text;
}
/**
 * One problem at line 0 when the text cannot be a text file: NUL bytes (binary) or U+FFFD,
 * which is what invalid UTF-8 becomes once decoded.
 */
function notTextProblem(file) {
    const reason = file.text.includes('\0')
        ? 'it contains NUL bytes'
        : file.text.includes('\uFFFD')
            ? 'it is not valid UTF-8'
            : undefined;
    if (!reason)
        return undefined;
    return {
        location: { file: file.path, line: 0, column: 1 },
        message: `"${file.path}" is not a text file (${reason})`,
    };
}
const SPACE = 32;
const TAB = 9;
const VT = 11;
const FF = 12;
const CR = 13;
const NBSP = 0xa0;
/** Also the no-break space and a stray byte order mark, which pasted or concatenated lists carry. */
function source_isSpace(c) {
    return c === SPACE || c === TAB || c === VT || c === FF || c === CR || c === NBSP || c === BOM;
}
/** Length of the comment marker at `i`, or 0. */
function markerAt(text, i) {
    const c = text.charCodeAt(i);
    if (c === 35 /* # */ || c === 59 /* ; */)
        return 1;
    if (c === 47 /* / */ && text.charCodeAt(i + 1) === 47)
        return 2;
    return 0;
}
/**
 * Walks a text line by line (after a byte order mark; lines end at `\n`, and a `\r` before it
 * counts as whitespace) and takes each line apart in place. A cursor with mutable fields rather
 * than a value per line: a million-line file is read without a million throwaway objects.
 */
class LineScanner {
    /** 1-based number of the current line. */
    line = 0;
    kind = 'blank';
    /** The entry as written (kind `value`). */
    value = '';
    /** 1-based column of the value. */
    column = 0;
    /** The comment, without its marker: the whole line (kind `comment`) or after the value. */
    comment = undefined;
    /** Text after the value that is neither whitespace nor a comment, and its column. */
    extra = undefined;
    extraColumn = 0;
    #text;
    #trailing;
    #next;
    constructor(text, trailing) {
        this.#text = text;
        this.#trailing = trailing;
        this.#next = text.charCodeAt(0) === BOM ? 1 : 0;
    }
    /** Moves to the next line; false after the last one. An empty text has one blank line. */
    next() {
        const text = this.#text;
        const n = text.length;
        const start = this.#next;
        if (start >= n && this.line > 0)
            return false;
        const newline = text.indexOf('\n', start);
        const end = newline < 0 ? n : newline;
        this.#next = end + 1;
        this.line++;
        this.comment = undefined;
        this.extra = undefined;
        let i = start;
        while (i < end && source_isSpace(text.charCodeAt(i)))
            i++;
        if (i === end) {
            this.kind = 'blank';
            return true;
        }
        const marker = markerAt(text, i);
        if (marker > 0) {
            this.kind = 'comment';
            this.comment = text.slice(i + marker, end).trim();
            return true;
        }
        const valueStart = i;
        while (i < end && !source_isSpace(text.charCodeAt(i)))
            i++;
        this.kind = 'value';
        this.value = text.slice(valueStart, i);
        this.column = valueStart - start + 1;
        while (i < end && source_isSpace(text.charCodeAt(i)))
            i++;
        if (i === end)
            return true;
        const after = markerAt(text, i);
        if (after > 0)
            this.comment = text.slice(i + after, end).trim();
        else if (this.#trailing === 'any')
            this.comment = text.slice(i, end).trimEnd();
        else {
            this.extra = text.slice(i, end).trimEnd();
            this.extraColumn = i - start + 1;
        }
        return true;
    }
}
/** True when a comment line carries words, not just a rule of `=` or `-`. */
function isMeaningfulComment(comment) {
    for (let i = 0; i < comment.length; i++) {
        const c = comment.charCodeAt(i);
        if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127) {
            return true;
        }
    }
    return false;
}
function classifyValue(text) {
    return looksLikeIp(text) ? 'ip' : 'host';
}
/**
 * A URL-list value (`example.com/path`) split into host and path. Values with a scheme or that
 * look like IP addresses are left whole: the model explains what is wrong with a scheme, and
 * prefixes contain a slash.
 */
function splitPath(text) {
    if (text.includes('://') || looksLikeIp(text))
        return { host: text };
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 47 /* / */ || c === 63 /* ? */)
            return { host: text.slice(0, i), path: text.slice(i) };
    }
    return { host: text };
}
/** 1-based line and column of a UTF-16 offset. */
function positionOf(text, offset) {
    let line = 1;
    let lineStart = 0;
    for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
        line++;
        lineStart = i + 1;
    }
    return { line, column: offset - lineStart + 1 };
}
class JsonSyntaxError {
    offset;
    message;
    constructor(offset, message) {
        this.offset = offset;
        this.message = message;
    }
}
const JSON_NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
/**
 * The first place where `text` breaks the JSON grammar (RFC 8259), or undefined. `JSON.parse`
 * says the same, but its wording changes between Node versions and often omits the position.
 */
function jsonSyntaxError(text) {
    let i = 0;
    const found = () => (i >= text.length ? 'end of file' : JSON.stringify(text[i]));
    const fail = (message) => {
        throw new JsonSyntaxError(i, message);
    };
    const space = () => {
        for (let c = text.charCodeAt(i); c === 32 || c === 9 || c === 10 || c === 13;) {
            c = text.charCodeAt(++i);
        }
    };
    const string = () => {
        const start = i++;
        for (;;) {
            const c = text.charCodeAt(i);
            if (Number.isNaN(c))
                throw new JsonSyntaxError(start, 'unterminated string');
            if (c === 34)
                break;
            if (c < 32)
                fail('control character in a string (write it as an escape)');
            if (c === 92) {
                const e = text[i + 1];
                if (e === 'u'
                    ? !/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))
                    : !'"\\/bfnrt'.includes(e ?? '~')) {
                    fail(`invalid escape "${text.slice(i, i + 2)}" in a string`);
                }
                i += e === 'u' ? 6 : 2;
            }
            else
                i++;
        }
        i++;
    };
    const value = () => {
        space();
        const c = text[i];
        if (c === '{')
            return container('}', true);
        if (c === '[')
            return container(']', false);
        if (c === '"')
            return string();
        for (const word of ['true', 'false', 'null']) {
            if (text.startsWith(word, i)) {
                i += word.length;
                return;
            }
        }
        JSON_NUMBER.lastIndex = i;
        if ((c === '-' || (c !== undefined && c >= '0' && c <= '9')) && JSON_NUMBER.test(text)) {
            i = JSON_NUMBER.lastIndex;
            return;
        }
        fail(`expected a value, found ${found()}`);
    };
    const container = (close, object) => {
        i++;
        space();
        if (text[i] === close) {
            i++;
            return;
        }
        for (;;) {
            if (object) {
                space();
                if (text[i] !== '"')
                    fail(`expected a quoted property name, found ${found()}`);
                string();
                space();
                if (text[i] !== ':')
                    fail(`expected ":" after a property name, found ${found()}`);
                i++;
            }
            value();
            space();
            if (text[i] === ',') {
                const comma = i++;
                space();
                if (text[i] === close)
                    throw new JsonSyntaxError(comma, `trailing comma before "${close}"`);
                continue;
            }
            if (text[i] === close) {
                i++;
                return;
            }
            fail(`expected "," or "${close}", found ${found()}`);
        }
    };
    try {
        value();
        space();
        if (i < text.length)
            fail(`unexpected ${found()} after the end of the JSON value`);
        return undefined;
    }
    catch (e) {
        if (e instanceof JsonSyntaxError)
            return { offset: e.offset, message: e.message };
        // Thousands of nested brackets exhaust the stack before the grammar fails.
        if (e instanceof RangeError)
            return { offset: i, message: 'nested too deeply' };
        throw e;
    }
}

;// CONCATENATED MODULE: ./src/parsers/plain.ts



const LIST_CAPABILITIES = {
    hosts: true,
    ips: true,
    ipv6: true,
    ports: false,
    protocols: false,
    comments: true,
};
/** File types that other formats own; a plain list never claims them. */
// prettier-ignore
const FOREIGN_EXTENSIONS = new Set([
    'yml', 'yaml', 'json', 'js', 'mjs', 'cjs', 'ts', 'tf', 'tfvars', 'hcl', 'bicep', 'pac', 'csv',
    'tsv', 'xml', 'html', 'htm', 'md', 'nft', 'zone', 'ps1', 'py', 'sh',
]);
/** How much of a file detection reads: enough to see its habits, cheap on huge files. */
const SAMPLE_CHARS = 64 * 1024;
function sample(text) {
    let carets = false;
    let bareTrailingText = false;
    let partialLabelWildcard = false;
    const scan = new LineScanner(text.slice(0, SAMPLE_CHARS), 'marker');
    while (scan.next()) {
        if (scan.kind !== 'value')
            continue;
        const value = scan.value;
        if (value.includes('^'))
            carets = true;
        if (scan.extra !== undefined && classifyValue(value) === 'ip')
            bareTrailingText = true;
        if (/[^.]\*|\*[^.]/.test(value))
            partialLabelWildcard = true;
    }
    return { carets, bareTrailingText, partialLabelWildcard };
}
function extensionOf(path) {
    const name = path.slice(path.lastIndexOf('/') + 1);
    const dot = name.lastIndexOf('.');
    return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}
function matchesPatterns(path, patterns) {
    const lower = path.toLowerCase();
    return patterns.some((p) => lower.endsWith(p.replace(/^\*/, '')));
}
/** 2 for a list extension, 1 for an unknown or missing one, 0 for files other formats own. */
function listScore(file, patterns) {
    if (FOREIGN_EXTENSIONS.has(extensionOf(file.path)))
        return 0;
    return matchesPatterns(file.path, patterns) ? 2 : 1;
}
function detector(convention) {
    return (file) => {
        const base = listScore(file, convention.filePatterns);
        if (base === 0)
            return 0;
        const path = file.path.toLowerCase();
        if (convention.pathHints.some((hint) => path.includes(hint)))
            return 4;
        if (convention.contentHint?.(sample(file.text)))
            return 3;
        return convention.pathHints.length === 0 && !convention.contentHint ? base : 0;
    };
}
function parseList(file, convention) {
    const entries = [];
    const problems = [];
    const result = { path: file.path, format: convention.id, entries, problems };
    const notText = notTextProblem(file);
    if (notText) {
        problems.push(notText);
        return result;
    }
    const scan = new LineScanner(file.text, convention.trailing);
    let above = [];
    while (scan.next()) {
        if (scan.kind === 'blank') {
            if (above.length > 0)
                above = [];
            continue;
        }
        if (scan.kind === 'comment') {
            if (isMeaningfulComment(scan.comment))
                above.push(scan.comment);
            continue;
        }
        const comment = scan.comment || (above.length > 0 ? above.join('\n') : undefined);
        if (above.length > 0)
            above = [];
        if (scan.extra !== undefined) {
            const location = { file: file.path, line: scan.line, column: scan.extraColumn };
            report(problems, location, scan.extra, `unexpected text after the entry: "${scan.extra}"`);
            continue;
        }
        const location = { file: file.path, line: scan.line, column: scan.column };
        readValue(scan.value, location, convention, comment, entries, problems);
    }
    if (convention.singleKind)
        warnMixedKinds(entries, convention, problems);
    return result;
}
function report(problems, location, text, message, severity) {
    problems.push(severity ? { location, message, text, severity } : { location, message, text });
}
/** Reads one value. Runs once per entry of million-line files: no closures, no throwaway objects. */
function readValue(text, location, convention, comment, entries, problems) {
    if (classifyValue(text) === 'ip') {
        if (convention.refuseIps) {
            report(problems, location, text, `"${text}" is an IP address; ${convention.refuseIps}`);
            return;
        }
        const block = parseIpBlock(text);
        if (!block.ok)
            report(problems, location, text, block.error);
        else
            entries.push({ kind: 'ip', text, location, block: block.value, comment });
        return;
    }
    if (convention.refuseWildcards && text.includes('*')) {
        report(problems, location, text, `"${text}" has a "*" wildcard, ${convention.refuseWildcards}`);
        return;
    }
    let host = text;
    if (convention.urls) {
        const url = splitPath(text);
        host = url.host;
        if (url.path !== undefined && url.path !== '/' && url.path !== '/*') {
            report(problems, location, text, `the path of "${text}" is not compared, only its host`, 'notice');
        }
        const read = fromCarets(host);
        if (host.startsWith('^.')) {
            const message = `"^" matches exactly one label; "${host}" is compared as the broader "${read}"`;
            report(problems, location, text, message, 'notice');
        }
        host = read;
    }
    const pattern = HostPattern.parse(host, { bareMeansSubtree: convention.bareMeansSubtree });
    if (!pattern.ok)
        report(problems, location, text, pattern.error);
    else
        entries.push({ kind: 'host', text, location, pattern: pattern.value, comment });
}
/**
 * Palo Alto's `^` token matches exactly one label and `*` one or more; a `^` glued to a name is
 * the older "this name only" form. The model's one-label wildcard exists only inside a name, so
 * a leading `^.` is read as `*.` (with a notice, since that is broader).
 */
function fromCarets(host) {
    if (!host.includes('^'))
        return host;
    if (host.startsWith('^') && host.charCodeAt(1) !== 46 /* . */)
        return host.slice(1);
    return host.replace(/(^|\.)\^(?=\.|$)/g, '$1*');
}
function warnMixedKinds(entries, convention, problems) {
    const first = entries[0];
    const odd = first && entries.find((e) => e.kind !== first.kind);
    if (!first || !odd)
        return;
    const name = (e) => (e.kind === 'ip' ? 'an IP address' : 'a domain');
    const names = (e) => (e.kind === 'ip' ? 'IP addresses' : 'domains');
    problems.push({
        location: odd.location,
        message: `"${odd.text}" is ${name(odd)} in a list of ${names(first)}; a ${convention.title} holds one type of entry`,
        text: odd.text,
        severity: 'warning',
    });
}
function listFormat(convention) {
    return {
        id: convention.id,
        title: convention.title,
        filePatterns: convention.filePatterns,
        capabilities: convention.capabilities,
        detect: detector(convention),
        parse: (file) => parseList(file, convention),
    };
}
/** Generic list: a bare name is that exact host; `*.` and a leading dot widen it. */
const PLAIN = listFormat({
    id: 'plain',
    title: 'plain list',
    filePatterns: ['*.txt', '*.lst', '*.list'],
    capabilities: LIST_CAPABILITIES,
    trailing: 'marker',
    bareMeansSubtree: false,
    urls: false,
    singleKind: false,
    pathHints: [],
});
/**
 * Palo Alto external dynamic list (IP, domain or URL list). Anything after the whitespace that
 * ends an entry is a comment; URL entries may carry a path and `^` tokens.
 */
const PAN_EDL = listFormat({
    id: 'pan-edl',
    title: 'Palo Alto EDL',
    filePatterns: ['*.txt', '*.edl'],
    capabilities: LIST_CAPABILITIES,
    trailing: 'any',
    bareMeansSubtree: false,
    urls: true,
    singleKind: true,
    pathHints: ['paloalto', 'palo-alto', 'pan-os', 'panos', 'pan-edl'],
    contentHint: (s) => s.carets || s.bareTrailingText,
});
/** FortiGate threat feed / external resource (IP address or domain name list, `*` wildcards). */
const FORTIGATE = listFormat({
    id: 'fortigate',
    title: 'FortiGate threat feed',
    filePatterns: ['*.txt'],
    capabilities: LIST_CAPABILITIES,
    trailing: 'marker',
    bareMeansSubtree: false,
    urls: false,
    singleKind: true,
    pathHints: ['fortigate', 'fortinet', 'fortios', 'threat-feed', 'threatfeed'],
    contentHint: (s) => s.partialLabelWildcard,
});
/** pfSense pfBlockerNG DNSBL whitelist: a bare domain covers the domain and its subdomains. */
const PFBLOCKERNG = listFormat({
    id: 'pfblockerng',
    title: 'pfBlockerNG DNSBL whitelist',
    filePatterns: ['*.txt'],
    capabilities: { ...LIST_CAPABILITIES, ips: false, ipv6: false },
    trailing: 'marker',
    bareMeansSubtree: true,
    refuseIps: 'a DNSBL whitelist takes domain names only',
    refuseWildcards: 'which a DNSBL whitelist does not read; ".example.com" or "example.com" covers the domain and its subdomains',
    urls: false,
    singleKind: false,
    pathHints: ['pfblocker', 'dnsbl', 'pfsense'],
});

;// CONCATENATED MODULE: ./schemas/allowlist.schema.json
const allowlist_schema_namespaceObject = /*#__PURE__*/JSON.parse('{"$schema":"https://json-schema.org/draft/2020-12/schema","$id":"https://endpoint-drift.dev/schemas/allowlist.schema.json","title":"endpoint-drift allowlist","description":"An allowlist kept in YAML or JSON: host names, wildcards and IP prefixes, each with the TCP and UDP ports it allows.","type":"object","additionalProperties":false,"required":["entries"],"properties":{"$schema":{"description":"Where editors find this schema.","type":"string"},"endpoint-drift":{"description":"Marks the file as an endpoint-drift allowlist and names the version of this format.","const":"allowlist/v1"},"entries":{"description":"The allowed endpoints.","type":"array","items":{"$ref":"#/$defs/entry"}}},"$defs":{"entry":{"description":"One allowed endpoint: exactly one of host or ip. An entry with neither a tcp nor a udp key allows all ports of both protocols; an entry with only one of them allows no port of the other.","type":"object","additionalProperties":false,"oneOf":[{"required":["host"]},{"required":["ip"]}],"properties":{"host":{"description":"A host name (outlook.office365.com), a wildcard (*.sharepoint.com) or a leading-dot domain (.office.com: the domain and every name below it).","type":"string","minLength":1},"ip":{"description":"An IPv4 or IPv6 address, prefix (13.107.6.152/31) or range (10.0.0.1-10.0.0.9).","type":"string","minLength":1},"tcp":{"$ref":"#/$defs/ports"},"udp":{"$ref":"#/$defs/ports"},"comment":{"description":"Why the entry is there.","type":"string"},"group":{"description":"A label for grouping entries in reports.","type":"string","minLength":1}}},"ports":{"description":"Ports of one protocol: a number (443), a string (\\"80,443\\", \\"50000-59999\\", \\"any\\") or a list of numbers and strings.","type":["integer","string","array"],"minimum":0,"maximum":65535,"pattern":"^\\\\s*(?:\\\\*|[Aa][Nn][Yy]|\\\\d+(?:-\\\\d+)?(?:[,;\\\\s]+\\\\d+(?:-\\\\d+)?)*)\\\\s*$","minItems":1,"items":{"type":["integer","string"],"minimum":0,"maximum":65535,"pattern":"^\\\\s*\\\\d+(?:-\\\\d+)?(?:[,;\\\\s]+\\\\d+(?:-\\\\d+)?)*\\\\s*$"}}}}');
;// CONCATENATED MODULE: ./src/model/ports.ts

const PROTOCOLS = (/* unused pure expression or super */ null && (['tcp', 'udp']));
/** An immutable, normalised set of ports (sorted, merged ranges). */
class PortSet {
    static EMPTY = new PortSet([]);
    static ANY = new PortSet([[0, 65535]]);
    ranges;
    constructor(ranges) {
        this.ranges = ranges;
    }
    static of(ranges) {
        const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        const merged = [];
        for (const [lo, hi] of sorted) {
            const last = merged[merged.length - 1];
            if (last && lo <= last[1] + 1)
                last[1] = Math.max(last[1], hi);
            else
                merged.push([lo, hi]);
        }
        return merged.length === 0 ? PortSet.EMPTY : new PortSet(merged);
    }
    /**
     * Parses the forms found in the web service and in firewall configs:
     * `80,443`, `443,80`, `143, 587, 993, 995`, `50000-59999`, `""` (no ports),
     * `*` / `any` (all ports).
     */
    static parse(text) {
        const trimmed = text.trim();
        if (trimmed === '')
            return ok(PortSet.EMPTY);
        if (trimmed === '*' || trimmed.toLowerCase() === 'any')
            return ok(PortSet.ANY);
        const ranges = [];
        for (const raw of trimmed.split(/[,;\s]+/)) {
            if (raw === '')
                continue;
            const m = /^(\d{1,5})(?:-(\d{1,5}))?$/.exec(raw);
            if (!m)
                return fail(`"${raw}" is not a port or port range`);
            const lo = Number(m[1]);
            const hi = m[2] === undefined ? lo : Number(m[2]);
            if (lo > 65535 || hi > 65535)
                return fail(`port ${Math.max(lo, hi)} is out of range (0-65535)`);
            if (hi < lo)
                return fail(`port range "${raw}" ends before it starts`);
            ranges.push([lo, hi]);
        }
        return ok(PortSet.of(ranges));
    }
    static fromNumbers(ports) {
        return PortSet.of([...ports].map((p) => [p, p]));
    }
    get isEmpty() {
        return this.ranges.length === 0;
    }
    get isAny() {
        return this.ranges.length === 1 && this.ranges[0][0] === 0 && this.ranges[0][1] === 65535;
    }
    union(other) {
        if (other.isEmpty)
            return this;
        if (this.isEmpty)
            return other;
        return PortSet.of([...this.ranges, ...other.ranges]);
    }
    /** Ports of this set that `other` does not contain. */
    subtract(other) {
        if (other.isEmpty || this.isEmpty)
            return this;
        const out = [];
        for (const [lo0, hi] of this.ranges) {
            let lo = lo0;
            for (const [olo, ohi] of other.ranges) {
                if (ohi < lo || olo > hi)
                    continue;
                if (olo > lo)
                    out.push([lo, olo - 1]);
                lo = ohi + 1;
                if (lo > hi)
                    break;
            }
            if (lo <= hi)
                out.push([lo, hi]);
        }
        return PortSet.of(out);
    }
    covers(other) {
        return other.subtract(this).isEmpty;
    }
    intersects(other) {
        return other.subtract(this).key() !== other.key();
    }
    key() {
        return this.toString();
    }
    toString() {
        if (this.isAny)
            return 'any';
        return this.ranges.map(([lo, hi]) => (lo === hi ? `${lo}` : `${lo}-${hi}`)).join(',');
    }
}
function formatPortSpec(spec) {
    const parts = [];
    if (!spec.tcp.isEmpty)
        parts.push(`TCP ${spec.tcp}`);
    if (!spec.udp.isEmpty)
        parts.push(`UDP ${spec.udp}`);
    return parts.join(', ') || 'no ports';
}

;// CONCATENATED MODULE: ./src/parsers/structured.ts








const CAPABILITIES = {
    hosts: true,
    ips: true,
    ipv6: true,
    ports: true,
    protocols: true,
    comments: true,
};
const MARKER = 'allowlist/v1';
const ENTRY_KEYS = 'host, ip, tcp, udp, comment or group';
let validator;
/** Compiled on first use, so that importing the registry costs nothing. */
function validate(data) {
    validator ??= new _2020.Ajv2020({
        allErrors: true,
        strict: true,
        strictRequired: false,
        allowUnionTypes: true,
        verbose: true,
    }).compile(allowlist_schema_namespaceObject);
    return validator(data) ? [] : (validator.errors ?? []);
}
const structured_SAMPLE_CHARS = 64 * 1024;
const DETECT = {
    yaml: {
        marker: /^["']?endpoint-drift["']?\s*:\s*["']?allowlist\/v1\b/m,
        // Horizontal whitespace only inside the repetition, so that no run of blank lines can make
        // the expression backtrack.
        shape: /^entries[^\S\n]*:[^\S\n]*(?:#.*)?\n(?:[^\S\n]*(?:#.*)?\n)*[^\S\n]*-[^\S\n]+["']?(?:host|ip)["']?[^\S\n]*:/m,
    },
    json: {
        marker: /"endpoint-drift"\s*:\s*"allowlist\/v1"/,
        shape: /"entries"\s*:\s*\[\s*\{\s*"(?:host|ip)"\s*:/,
    },
};
function structured_detector(flavour, patterns) {
    return (file) => {
        const path = file.path.toLowerCase();
        if (!patterns.some((p) => path.endsWith(p.replace(/^\*/, ''))))
            return 0;
        const head = file.text.slice(0, structured_SAMPLE_CHARS);
        if (DETECT[flavour].marker.test(head))
            return 10;
        return DETECT[flavour].shape.test(head) ? 5 : 0;
    };
}
function parseStructured(file, flavour) {
    const entries = [];
    const problems = [];
    const result = { path: file.path, format: `allowlist-${flavour}`, entries, problems };
    const notText = notTextProblem(file);
    if (notText) {
        problems.push(notText);
        return result;
    }
    const text = withoutBom(file.text);
    const at = (pos) => ({
        file: file.path,
        ...pos,
    });
    let jsonError = false;
    if (flavour === 'json') {
        try {
            JSON.parse(text);
        }
        catch {
            const error = jsonSyntaxError(text);
            if (error) {
                jsonError = true;
                problems.push({
                    location: at(positionOf(text, error.offset)),
                    message: `invalid JSON: ${error.message}`,
                });
            }
        }
    }
    const pd = parsePositioned(text);
    const syntax = pd.errors[0];
    if (syntax && !jsonError) {
        problems.push({
            location: at({ line: syntax.line, column: syntax.column }),
            message: `invalid ${flavour === 'json' ? 'JSON' : 'YAML'}: ${syntax.message}`,
        });
    }
    // After a syntax error the document is a guess: read the entries that make sense, but do not
    // lecture about the shape of text the parser had to invent.
    const quiet = problems.length > 0;
    const data = toData(pd);
    const errors = validate(data);
    const entryErrors = new Map();
    for (const err of errors) {
        const m = /^\/entries\/(\d+)(?:\/|$)/.exec(err.instancePath);
        if (!m) {
            if (!quiet)
                problems.push(schemaProblem(err, pd, at, flavour));
            continue;
        }
        const index = Number(m[1]);
        entryErrors.set(index, [...(entryErrors.get(index) ?? []), err]);
    }
    const seq = nodeAt(pd, '/entries');
    const items = data?.entries;
    if (!(0,dist/* isSeq */.oP)(seq) || !Array.isArray(items))
        return result;
    seq.items.forEach((written, index) => {
        const item = (0,dist/* isAlias */.Vj)(written) ? written.resolve(pd.doc) : written;
        const errs = entryErrors.get(index);
        if (errs) {
            if (!quiet)
                problems.push(...entryProblems(errs, pd, at, flavour));
        }
        else if ((0,dist/* isMap */.jh)(item)) {
            const value = items[index];
            if (value === null || typeof value !== 'object') {
                // The document's data and its syntax tree disagree (only after syntax errors).
                if (!quiet)
                    problems.push({
                        location: at(nodePosition(pd, item)),
                        message: 'this entry could not be read',
                    });
                return;
            }
            readEntry(item, value, comment(seq, item, index), pd, at, entries, problems);
        }
    });
    problems.sort((a, b) => a.location.line - b.location.line || a.location.column - b.location.column);
    return result;
}
function toData(pd) {
    try {
        return pd.doc.toJS({ maxAliasCount: 1000 });
    }
    catch {
        // Alias bombs and similar: the syntax problem already says what is wrong.
        return undefined;
    }
}
/** Where a node's content starts: inside the quotes of a quoted string. */
function contentPosition(pd, node) {
    const pos = nodePosition(pd, node);
    const quoted = (0,dist/* isScalar */.jn)(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE');
    return quoted ? { line: pos.line, column: pos.column + 1 } : pos;
}
function readEntry(item, data, yamlComment, pd, at, entries, problems) {
    const key = data.host !== undefined ? 'host' : 'ip';
    const text = (data.host ?? data.ip);
    const location = at(contentPosition(pd, item.get(key, true)));
    const ports = {
        tcp: readPorts(item, 'tcp', data.tcp, pd, at, problems),
        udp: readPorts(item, 'udp', data.udp, pd, at, problems),
    };
    if (ports.tcp === null || ports.udp === null)
        return;
    const spec = ports.tcp === undefined && ports.udp === undefined
        ? { tcp: PortSet.ANY, udp: PortSet.ANY }
        : { tcp: ports.tcp ?? PortSet.EMPTY, udp: ports.udp ?? PortSet.EMPTY };
    const comment = data.comment ?? yamlComment;
    if (key === 'host') {
        const pattern = HostPattern.parse(text);
        if (!pattern.ok)
            problems.push({ location, message: pattern.error, text });
        else
            entries.push({ kind: 'host', text, location, pattern: pattern.value, ports: spec, comment });
    }
    else {
        const block = parseIpBlock(text);
        if (!block.ok)
            problems.push({ location, message: block.error, text });
        else
            entries.push({ kind: 'ip', text, location, block: block.value, ports: spec, comment });
    }
}
/** The ports of one protocol; undefined when the key is absent, null after a problem. */
function readPorts(item, protocol, value, pd, at, problems) {
    if (value === undefined)
        return undefined;
    const node = item.get(protocol, true);
    const values = Array.isArray(value) ? value : [value];
    const nodes = (0,dist/* isSeq */.oP)(node) ? node.items : [node];
    let set = PortSet.EMPTY;
    for (let i = 0; i < values.length; i++) {
        const v = values[i];
        const parsed = typeof v === 'number' ? PortSet.parse(String(v)) : PortSet.parse(v);
        if (!parsed.ok) {
            problems.push({
                location: at(contentPosition(pd, nodes[i])),
                message: parsed.error,
                text: String(v),
            });
            return null;
        }
        set = set.union(parsed.value);
    }
    return set;
}
/** The `#` comment on the entry's first line, or the comment lines right above it. */
function comment(seq, item, index) {
    const first = item.items[0]?.value;
    const raw = first?.comment ?? item.commentBefore ?? (index === 0 ? seq.commentBefore : undefined);
    if (raw === undefined || raw === null)
        return undefined;
    const text = raw
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l !== '')
        .join('\n');
    return text === '' ? undefined : text;
}
/** One problem per distinct message; "host or ip" errors come as a set from `oneOf` and are told once. */
function entryProblems(errors, pd, at, flavour) {
    const out = [];
    const seen = new Set();
    const entryPath = /^\/entries\/\d+/.exec(errors[0].instancePath)[0];
    const notAMap = errors.some((e) => e.instancePath === entryPath && e.keyword === 'type');
    for (const err of errors) {
        if (notAMap && err.instancePath === entryPath && err.keyword !== 'type')
            continue;
        const problem = schemaProblem(err, pd, at, flavour);
        const id = `${problem.location.line}:${problem.location.column}:${problem.message}`;
        if (seen.has(id))
            continue;
        seen.add(id);
        out.push(problem);
    }
    return out;
}
function schemaProblem(err, pd, at, flavour) {
    const unknownKey = err.keyword === 'additionalProperties';
    const pointer = unknownKey
        ? `${err.instancePath}/${String(err.params.additionalProperty).replace(/~/g, '~0').replace(/\//g, '~1')}`
        : err.instancePath;
    const node = nodeAt(pd, pointer, unknownKey);
    return { location: at(contentPosition(pd, node)), message: structured_describe(err, flavour) };
}
function structured_describe(err, flavour) {
    const mapping = flavour === 'json' ? 'an object' : 'a mapping';
    const list = flavour === 'json' ? 'an array' : 'a list';
    const steps = err.instancePath.split('/').slice(1);
    const isEntry = steps[0] === 'entries' && steps.length >= 2;
    const inEntry = isEntry && steps.length === 2;
    const name = [...steps].reverse().find((s) => !/^\d+$/.test(s)) ?? '';
    const p = err.params;
    const value = err.data;
    switch (err.keyword) {
        case 'oneOf':
        case 'required':
            if (inEntry)
                return 'an entry needs exactly one of "host" or "ip"';
            return `the file needs ${list} of "entries"`;
        case 'additionalProperties': {
            const keyName = String(p.additionalProperty);
            return isEntry
                ? `unknown key "${keyName}" in an entry (expected ${ENTRY_KEYS})`
                : `unknown key "${keyName}" (expected endpoint-drift or entries)`;
        }
        case 'const':
            return `unsupported marker ${JSON.stringify(value)} (expected "${MARKER}")`;
        case 'type':
            if (err.instancePath === '')
                return `the file must be ${mapping} with ${list} of "entries"`;
            if (inEntry)
                return `an entry must be ${mapping} with "host" or "ip", not ${JSON.stringify(value)}`;
            if (name === 'tcp' || name === 'udp') {
                return `"${name}" must be a port, a string such as "80,443" or ${list} of them, not ${JSON.stringify(value)}`;
            }
            if (name === 'entries')
                return `"entries" must be ${list}`;
            return `"${name}" must be a string, not ${JSON.stringify(value)}`;
        case 'minimum':
        case 'maximum':
            return `port ${String(value)} is out of range (0-65535)`;
        case 'pattern': {
            const parsed = PortSet.parse(String(value));
            return parsed.ok ? `"${String(value)}" is not a port or port range` : parsed.error;
        }
        case 'minItems':
        case 'minLength':
            return `"${name}" must not be empty`;
        default:
            return `"${name || 'the file'}" ${err.message ?? 'is not valid'}`;
    }
}
function structuredFormat(flavour, title, filePatterns) {
    return {
        id: `allowlist-${flavour}`,
        title,
        filePatterns,
        capabilities: CAPABILITIES,
        detect: structured_detector(flavour, filePatterns),
        parse: (file) => parseStructured(file, flavour),
    };
}
const ALLOWLIST_YAML = structuredFormat('yaml', 'endpoint-drift allowlist (YAML)', [
    '*.yml',
    '*.yaml',
]);
const ALLOWLIST_JSON = structuredFormat('json', 'endpoint-drift allowlist (JSON)', [
    '*.json',
]);

;// CONCATENATED MODULE: ./src/parsers/registry.ts


/**
 * Every supported format. Order matters only to break detection ties: the generic format
 * comes first so that a list without distinctive marks is read as a plain list.
 */
const ALLOWLIST_FORMATS = [
    PLAIN,
    PAN_EDL,
    FORTIGATE,
    PFBLOCKERNG,
    ALLOWLIST_YAML,
    ALLOWLIST_JSON,
];
const AUTO = 'auto';
function formatIds() {
    return ALLOWLIST_FORMATS.map((f) => f.id);
}
function getFormat(id) {
    return ALLOWLIST_FORMATS.find((f) => f.id === id);
}
/** 'auto' picks the most confident detector (ties: a stable order); an unknown id is an error listing the supported ids. */
function resolveFormat(file, id) {
    if (id !== AUTO) {
        const format = getFormat(id);
        if (format)
            return { format };
        return { error: `unknown format "${id}" (supported: ${[AUTO, ...formatIds()].join(', ')})` };
    }
    let best;
    let bestScore = 0;
    for (const format of ALLOWLIST_FORMATS) {
        const score = format.detect(file);
        if (score > bestScore) {
            best = format;
            bestScore = score;
        }
    }
    if (best)
        return { format: best };
    return {
        error: `cannot tell the format of "${file.path}"; set its format to one of: ${formatIds().join(', ')}`,
    };
}

;// CONCATENATED MODULE: ./src/catalogue/types.ts
const INSTANCES = (/* unused pure expression or super */ null && (['worldwide', 'china', 'usgovdod', 'usgovgcchigh']));
const SERVICE_AREAS = [
    'Common',
    'Exchange',
    'SharePoint',
    'Skype',
    'MEM',
];
const CATEGORIES = ['Optimize', 'Allow', 'Default'];

;// CONCATENATED MODULE: ./src/catalogue/select.ts





/**
 * A host of an other-endpoints row that holds a per-customer token such as `<email_domain>`.
 * The catalogue cannot know the value, so such hosts never become requirements.
 */
function isPlaceholderHost(host) {
    return /<[^>]*>/.test(host);
}
/** Whether an other-endpoints record applies to the cloud (no `clouds` list: every cloud). */
function rowAppliesTo(row, instance) {
    return row.clouds === undefined || row.clouds.includes(instance);
}
/** Every scenario id of the catalogue, in document order. */
function scenarioIds(catalogue) {
    return [...new Set(catalogue.otherEndpoints.map((r) => r.scenario))];
}
/**
 * The requirements of a selection: the endpoint sets of the cloud whose service area and category
 * are selected (optional ones only with `includeOptional`) plus the records of the selected
 * scenarios. One requirement per distinct host pattern or address block, naming every source.
 */
function selectRequirements(catalogue, selection) {
    const problems = [];
    const merger = new Merger(selection.ipv6, selection.tenant, problems);
    const cloud = catalogue.clouds[selection.instance];
    for (const set of cloud.endpointSets) {
        if (!selection.serviceAreas.includes(set.serviceArea))
            continue;
        if (!selection.categories.includes(set.category))
            continue;
        if (!set.required && !selection.includeOptional)
            continue;
        merger.addSet(set, selection.instance);
    }
    const known = scenarioIds(catalogue);
    for (const scenario of new Set(selection.scenarios)) {
        if (!known.includes(scenario)) {
            problems.push(`unknown scenario "${scenario}" (known scenarios: ${known.join(', ')})`);
            continue;
        }
        const records = catalogue.otherEndpoints.filter((r) => r.scenario === scenario);
        const applicable = records.filter((r) => rowAppliesTo(r, selection.instance));
        if (applicable.length === 0) {
            const clouds = [...new Set(records.flatMap((r) => r.clouds ?? []))];
            problems.push(`scenario "${scenario}" does not apply to the ${selection.instance} cloud (only to ${clouds.join(', ')})`);
            continue;
        }
        for (const record of applicable)
            merger.addRow(record, selection.instance);
    }
    return { requirements: merger.requirements(), problems };
}
/**
 * Every requirement of the cloud whatever the selection (all service areas and categories,
 * optional sets, IPv6, every scenario that applies, no tenant): what "belongs to Microsoft 365"
 * means when an entry matches nothing selected.
 */
function allSources(catalogue, instance) {
    const scenarios = scenarioIds(catalogue).filter((id) => catalogue.otherEndpoints.some((r) => r.scenario === id && rowAppliesTo(r, instance)));
    return selectRequirements(catalogue, {
        instance,
        serviceAreas: SERVICE_AREAS,
        categories: CATEGORIES,
        includeOptional: true,
        ipv6: true,
        scenarios,
    }).requirements;
}
/**
 * The namespaces of a cloud's web-service data: the registrable domains of its URLs and the union
 * of its address blocks. The other-endpoints rows are left out on purpose: they name third-party
 * and general Azure domains that a mixed allowlist uses for much besides Microsoft 365.
 */
function m365Namespaces(catalogue, instance) {
    const domains = new Set();
    const blocks = [];
    for (const set of catalogue.clouds[instance].endpointSets) {
        for (const url of set.urls) {
            const parsed = HostPattern.parse(url);
            const domain = parsed.ok ? parsed.value.registrableDomain() : undefined;
            if (domain !== undefined)
                domains.add(domain);
        }
        for (const ip of set.ips) {
            const parsed = parseIpBlock(ip);
            if (parsed.ok)
                blocks.push(parsed.value);
        }
    }
    return { domains: [...domains].sort(), ips: IpSet.of(blocks) };
}
// ---- Merging -----------------------------------------------------------------------------------
function portSpec(tcp, udp) {
    return { tcp: PortSet.of(tcp), udp: PortSet.of(udp) };
}
function unionPorts(a, b) {
    return { tcp: a.tcp.union(b.tcp), udp: a.udp.union(b.udp) };
}
/** Optimize and Allow sets carry traffic that breaks without them; Default sets degrade more gently. */
function sourceSeverity(source) {
    if (source.kind === 'other-endpoints')
        return 'warning';
    if (!source.required)
        return 'notice';
    return source.category === 'Default' ? 'warning' : 'error';
}
function sourceKey(s) {
    return `${s.kind}:${s.id}:${s.scenario ?? ''}`;
}
function compareSources(a, b) {
    if (a.kind !== b.kind)
        return a.kind === 'endpoint-set' ? -1 : 1;
    const sa = a.scenario ?? '';
    const sb = b.scenario ?? '';
    return a.id - b.id || (sa < sb ? -1 : sa > sb ? 1 : 0);
}
class Merger {
    ipv6;
    tenant;
    problems;
    #hosts = new Map();
    #ips = new Map();
    constructor(ipv6, tenant, problems) {
        this.ipv6 = ipv6;
        this.tenant = tenant;
        this.problems = problems;
    }
    addSet(set, instance) {
        const source = {
            kind: 'endpoint-set',
            id: set.id,
            serviceArea: set.serviceArea,
            category: set.category,
            required: set.required,
            ports: portSpec(set.tcpPortRanges, set.udpPortRanges),
            ...(set.notes === undefined ? {} : { notes: set.notes }),
        };
        const where = `endpoint set ${set.id} of ${instance}`;
        for (const url of set.urls)
            this.#addHost(url, source, where);
        for (const ip of set.ips)
            this.#addIp(ip, source, where);
    }
    addRow(row, instance) {
        const d = row.destinations;
        const source = {
            kind: 'other-endpoints',
            id: row.row,
            scenario: row.scenario,
            required: true,
            ports: portSpec(d.tcpPortRanges, d.udpPortRanges),
            ...(row.note === undefined ? {} : { notes: row.note }),
        };
        const where = `other-endpoints row ${row.row} (${row.scenario}) of ${instance}`;
        for (const host of d.hosts)
            if (!isPlaceholderHost(host))
                this.#addHost(host, source, where);
        for (const ip of d.ips)
            this.#addIp(ip, source, where);
    }
    requirements() {
        const hosts = [...this.#hosts.entries()]
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
            .map(([, p]) => ({
            kind: 'host',
            pattern: p.value,
            text: p.text,
            ...summarise(p),
        }));
        const ips = [...this.#ips.values()]
            .sort((a, b) => IpBlock.compare(a.value, b.value))
            .map((p) => ({ kind: 'ip', block: p.value, text: p.text, ...summarise(p) }));
        return [...hosts, ...ips];
    }
    #addHost(text, source, where) {
        const parsed = HostPattern.parse(text);
        if (!parsed.ok) {
            this.problems.push(`${where}: ${parsed.error}`);
            return;
        }
        const pattern = this.tenant === undefined ? parsed.value : parsed.value.withTenant(this.tenant);
        add(this.#hosts, pattern.key(), pattern, pattern.text, source);
    }
    #addIp(text, source, where) {
        const parsed = parseIpBlock(text);
        if (!parsed.ok) {
            this.problems.push(`${where}: ${parsed.error}`);
            return;
        }
        if (parsed.value.family === 6 && !this.ipv6)
            return;
        add(this.#ips, parsed.value.key(), parsed.value, text, source);
    }
}
function add(map, key, value, text, source) {
    let pending = map.get(key);
    if (!pending) {
        pending = { value, text, sources: new Map() };
        map.set(key, pending);
    }
    const sk = sourceKey(source);
    const existing = pending.sources.get(sk);
    // Two records of one scenario can name the same endpoint with different ports.
    pending.sources.set(sk, existing ? { ...existing, ports: unionPorts(existing.ports, source.ports) } : source);
}
function summarise(p) {
    const sources = [...p.sources.values()].sort(compareSources);
    let ports = { tcp: PortSet.EMPTY, udp: PortSet.EMPTY };
    let severity = 'notice';
    for (const s of sources) {
        ports = unionPorts(ports, s.ports);
        const sev = sourceSeverity(s);
        if (severityRank(sev) > severityRank(severity))
            severity = sev;
    }
    return { ports, sources, severity };
}

;// CONCATENATED MODULE: ./src/diff/host-index.ts
/**
 * Label-suffix indexes that keep host comparisons near-linear: a pattern can only share names
 * with patterns whose fixed base is one of its own base's suffixes, or lies under its base.
 */
/** Suffixes of a dotted name, longest first, ending with the empty name: a.b.c, b.c, c, "". */
function suffixes(name) {
    const out = [name];
    let i = name.indexOf('.');
    while (i !== -1) {
        out.push(name.slice(i + 1));
        i = name.indexOf('.', i + 1);
    }
    if (name !== '')
        out.push('');
    return out;
}
/** Groups items by an exact key, and by every suffix key in `interesting` (items under that name). */
class SuffixIndex {
    interesting;
    at = new Map();
    under = new Map();
    constructor(interesting) {
        this.interesting = interesting;
    }
    add(base, item) {
        push(this.at, base, item);
        if (this.interesting.size === 0)
            return;
        // Suffixes with at least two labels, without building the list (this runs for every entry).
        let i = -1;
        let dots = 0;
        for (let j = base.indexOf('.'); j !== -1; j = base.indexOf('.', j + 1))
            dots++;
        while (dots >= 1) {
            const s = i === -1 ? base : base.slice(i + 1);
            if (this.interesting.has(s))
                push(this.under, s, item);
            i = base.indexOf('.', i + 1);
            dots--;
        }
    }
    /** Items whose base equals `base` or lies under it (`base` must be in the interesting set). */
    atOrUnder(base) {
        return this.under.get(base) ?? [];
    }
    /** Items whose base is exactly one of the suffixes of `base` (including `base` and ""). */
    above(base) {
        const out = [];
        this.eachAbove(base, (items) => {
            for (const item of items)
                out.push(item);
            return false;
        });
        return out;
    }
    /**
     * Visits the groups of items whose base is a suffix of `base`, longest first, without
     * building the list; stops when `visit` returns true.
     */
    eachAbove(base, visit) {
        let s = base;
        let from = 0;
        for (;;) {
            const items = this.at.get(s);
            if (items && visit(items))
                return;
            if (s === '')
                return;
            const dot = base.indexOf('.', from);
            if (dot === -1)
                s = '';
            else {
                s = base.slice(dot + 1);
                from = dot + 1;
            }
        }
    }
    /** Whether anything indexed can share a name with a pattern of this base (a cheap pre-check of `related`). */
    touches(base) {
        let found = false;
        this.eachAbove(base, () => (found = true));
        return found || (this.under.get(base)?.length ?? 0) > 0;
    }
    /** Items that may share a name with a pattern of this base: above it, at it, or under it. */
    related(base) {
        const seen = new Set();
        const out = [];
        for (const item of [...this.above(base), ...this.atOrUnder(base)]) {
            if (seen.has(item))
                continue;
            seen.add(item);
            out.push(item);
        }
        return out;
    }
}
function push(map, key, item) {
    const list = map.get(key);
    if (list)
        list.push(item);
    else
        map.set(key, [item]);
}
/** Every suffix with at least two labels of each name (the keys worth indexing "under"). */
function interestingSuffixes(bases) {
    const out = new Set();
    for (const b of bases)
        for (const s of suffixes(b))
            if (s.includes('.'))
                out.add(s);
    return out;
}

;// CONCATENATED MODULE: ./src/diff/engine.ts






const CLOUD_NAMES = {
    worldwide: 'Worldwide',
    china: '21Vianet (China)',
    usgovdod: 'US Government DoD',
    usgovgcchigh: 'US Government GCC High',
};
/** Largest-to-required ratio from which an address block counts as over-broad. */
const OVER_BROAD_FACTOR = 16n;
function check(input) {
    const { catalogue, selection } = input;
    const selected = selectRequirements(catalogue, selection);
    const everything = allSources(catalogue, selection.instance);
    const namespaces = m365Namespaces(catalogue, selection.instance);
    const notes = [...selected.problems];
    const findings = [];
    const context = new CloudContext(selection.instance, selected.requirements, everything, namespaces);
    for (const file of input.files) {
        for (const p of file.parsed.problems) {
            const severity = p.severity ?? 'error';
            findings.push({
                ruleId: severity === 'error' ? 'invalid-entry' : 'unsupported-entry',
                severity,
                message: p.message,
                location: p.location,
                ...(p.text !== undefined ? { entry: p.text } : {}),
                group: file.group,
            });
        }
    }
    const groups = new Map();
    for (const f of input.files) {
        const list = groups.get(f.group);
        if (list)
            list.push(f);
        else
            groups.set(f.group, [f]);
    }
    for (const [group, files] of [...groups].sort((a, b) => a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)) {
        new GroupCheck(group, files, context, findings, notes).run();
    }
    const cloud = catalogue.clouds[selection.instance];
    return {
        catalogue: {
            instance: selection.instance,
            dataDate: cloud.provenance.dataDate,
            source: `${cloud.provenance.sourceFile} (${cloud.provenance.origin.repo}@${cloud.provenance.origin.commit.slice(0, 12)})`,
            selection,
            requirements: {
                hosts: selected.requirements.filter((r) => r.kind === 'host').length,
                ips: selected.requirements.filter((r) => r.kind === 'ip').length,
            },
        },
        files: input.files.map((f) => ({
            path: f.parsed.path,
            format: f.parsed.format,
            group: f.group,
            scope: f.scope,
            entries: f.parsed.entries.length,
        })),
        findings: sortFindings(findings),
        notes,
    };
}
/** What is known about the selected cloud, shared by all groups. */
class CloudContext {
    instance;
    hostReqs;
    ipReqs;
    allHostReqs;
    allIpReqs;
    catalogueHostKeys;
    catalogueIpKeys;
    selectedHostKeys;
    allHostIndex;
    selectedHostIndex;
    interesting;
    selectedSpace;
    allSpace;
    largest;
    shortestPrefix;
    domains;
    constructor(instance, selected, everything, namespaces) {
        this.instance = instance;
        this.hostReqs = selected.filter((r) => r.kind === 'host');
        this.ipReqs = selected.filter((r) => r.kind === 'ip');
        this.allHostReqs = everything.filter((r) => r.kind === 'host');
        this.allIpReqs = everything.filter((r) => r.kind === 'ip');
        // Tenant substitution makes selected patterns that allSources does not have.
        this.catalogueHostKeys = new Set([...this.allHostReqs, ...this.hostReqs].map((r) => r.pattern.key()));
        this.catalogueIpKeys = new Set(this.allIpReqs.map((r) => r.block.key()));
        this.selectedHostKeys = new Set(this.hostReqs.map((r) => r.pattern.key()));
        this.interesting = interestingSuffixes([...this.allHostReqs, ...this.hostReqs].map((r) => r.pattern.base));
        this.allHostIndex = new SuffixIndex(this.interesting);
        for (const r of this.allHostReqs)
            this.allHostIndex.add(r.pattern.base, r);
        this.selectedHostIndex = new SuffixIndex(this.interesting);
        for (const r of this.hostReqs)
            this.selectedHostIndex.add(r.pattern.base, r);
        this.selectedSpace = IpSet.of(this.ipReqs.map((r) => r.block));
        this.allSpace = namespaces.ips.union(IpSet.of(this.allIpReqs.map((r) => r.block)));
        this.largest = { 4: 0n, 6: 0n };
        this.shortestPrefix = { 4: 33, 6: 129 };
        for (const r of this.allIpReqs) {
            const size = r.block.size();
            const family = r.block.family;
            if (size > this.largest[family])
                this.largest[family] = size;
            const len = r.block.masked().prefixLength;
            if (len !== undefined && len < this.shortestPrefix[family])
                this.shortestPrefix[family] = len;
        }
        this.domains = new Set(namespaces.domains);
    }
}
class GroupCheck {
    group;
    files;
    ctx;
    findings;
    notes;
    hosts = [];
    ips = [];
    references = [];
    scopeOf = new Map();
    hostIndex;
    constructor(group, files, ctx, findings, notes) {
        this.group = group;
        this.files = files;
        this.ctx = ctx;
        this.findings = findings;
        this.notes = notes;
        this.hostIndex = new SuffixIndex(ctx.interesting);
        for (const f of files) {
            this.scopeOf.set(f.parsed.path, f.scope);
            for (const e of f.parsed.entries) {
                if (e.kind === 'host') {
                    this.hosts.push(e);
                    this.hostIndex.add(e.pattern.base, e);
                }
                else if (e.kind === 'ip')
                    this.ips.push(e);
                else
                    this.references.push(e);
            }
        }
    }
    run() {
        const can = {
            hosts: this.files.some((f) => f.capabilities.hosts),
            ips: this.files.some((f) => f.capabilities.ips),
            ipv6: this.files.some((f) => f.capabilities.ipv6),
        };
        const label = this.group === 'default' ? 'the allowlist' : `allowlist group "${this.group}"`;
        // A group that holds only addresses (an IP feed) is not asked for host names, and the reverse:
        // such lists are kept beside a list of the other kind for another firewall object.
        const wantHosts = can.hosts && (this.hosts.length > 0 || this.ips.length === 0);
        const wantIps = can.ips && (this.ips.length > 0 || this.hosts.length === 0);
        if (!wantHosts && this.ctx.hostReqs.length > 0)
            this.notes.push(`${label} holds no host names, so its ${this.ctx.hostReqs.length} host requirements were not checked`);
        if (!wantIps && this.ctx.ipReqs.length > 0)
            this.notes.push(`${label} holds no IP addresses, so its ${this.ctx.ipReqs.length} address requirements were not checked`);
        if (wantHosts)
            this.checkHostRequirements();
        if (wantIps)
            this.checkIpRequirements(can.ipv6);
        this.checkHostEntries();
        this.checkIpEntries();
    }
    // ── requirements: what is missing ─────────────────────────────────────────
    checkHostRequirements() {
        for (const req of this.ctx.hostReqs) {
            if (this.coveredByReference(req))
                continue;
            const candidates = this.hostIndex.related(req.pattern.base);
            const full = [];
            const partial = [];
            for (const e of candidates) {
                const c = e.pattern.coverage(req.pattern);
                if (c === 'full')
                    full.push(e);
                else if (c === 'partial')
                    partial.push(e);
            }
            if (full.length > 0) {
                this.checkPorts(req, full);
                continue;
            }
            if (partial.length > 0) {
                const first = partial.sort((a, b) => compareLocations(a.location, b.location))[0];
                this.add('partially-covered', req.severity === 'notice' ? 'notice' : 'warning', first.location, {
                    message: `${engine_quote(req.text)} is only partly allowed: ${partial
                        .slice(0, 3)
                        .map((e) => engine_quote(e.text))
                        .join(', ')}${partial.length > 3 ? ` and ${partial.length - 3} more` : ''} match some of its names (${describeSources(req.sources)})`,
                    entry: first.text,
                    requirement: req,
                });
                continue;
            }
            const near = this.nearestHost(req.pattern.base);
            this.add('missing-endpoint', req.severity, near.location, {
                message: `${engine_quote(req.text)} is required but not allowed (${describeSources(req.sources)}); ${near.where}`,
                requirement: req,
            });
        }
    }
    checkIpRequirements(ipv6) {
        const reqs = this.ctx.ipReqs.filter((r) => (ipv6 || r.block.family === 4) && !this.coveredByReference(r));
        const allowed = IpSet.of(this.ips.map((e) => e.block));
        const missing = IpSet.of(reqs.map((r) => r.block)).subtract(allowed);
        const ported = this.ips.some((e) => e.ports !== undefined);
        const byPorts = new Map();
        for (const req of reqs) {
            const uncovered = missing.isEmpty() ? missing : IpSet.of([req.block]).intersect(missing);
            if (uncovered.isEmpty()) {
                if (ported)
                    this.checkIpPorts(req, byPorts);
                continue;
            }
            const cidrs = uncovered.toCidrs().map((b) => b.text);
            const fully = cidrs.length === 1 && cidrs[0] === req.block.masked().text;
            if (fully) {
                const near = this.nearestIp(req.block);
                this.add('missing-endpoint', req.severity, near.location, {
                    message: `${req.block.masked().text} is required but not allowed (${describeSources(req.sources)}); ${near.where}`,
                    requirement: req,
                    uncovered: cidrs,
                });
            }
            else {
                const part = this.ips
                    .filter((e) => e.block.overlaps(req.block))
                    .sort((a, b) => compareLocations(a.location, b.location))[0];
                const location = part?.location ?? this.nearestIp(req.block).location;
                this.add('partially-covered', req.severity, location, {
                    message: `${req.block.masked().text} is only partly allowed: ${cidrs.length === 1 ? '' : `${cidrs.length} prefixes, `}${listSome(cidrs)} not covered (${describeSources(req.sources)})`,
                    ...(part ? { entry: part.text } : {}),
                    requirement: req,
                    uncovered: cidrs,
                });
            }
        }
    }
    /** Address space allowed with ports that cover the requirement's ports (entries without ports allow all). */
    checkIpPorts(req, cache) {
        const key = `${req.ports.tcp.key()}/${req.ports.udp.key()}`;
        let set = cache.get(key);
        if (!set) {
            set = IpSet.of(this.ips.filter((e) => portsCover(e.ports, req.ports)).map((e) => e.block));
            cache.set(key, set);
        }
        const short = IpSet.of([req.block]).subtract(set);
        if (short.isEmpty())
            return;
        const entries = this.ips.filter((e) => e.block.overlaps(req.block));
        const missingPorts = engine_unionPorts(entries.map((e) => e.ports));
        const first = entries.sort((a, b) => compareLocations(a.location, b.location))[0];
        if (!first)
            return;
        this.add('partially-covered', req.severity, first.location, {
            message: `${req.block.masked().text} is allowed, but not on every port it needs: ${formatPortSpec(subtractSpec(req.ports, missingPorts))} missing (${describeSources(req.sources)})`,
            entry: first.text,
            requirement: req,
            uncovered: short.toCidrs().map((b) => b.text),
        });
    }
    checkPorts(req, covering) {
        if (covering.some((e) => e.ports === undefined))
            return;
        const allowed = engine_unionPorts(covering.map((e) => e.ports));
        const gap = subtractSpec(req.ports, allowed);
        if (gap.tcp.isEmpty && gap.udp.isEmpty)
            return;
        const first = covering.sort((a, b) => compareLocations(a.location, b.location))[0];
        this.add('partially-covered', req.severity, first.location, {
            message: `${engine_quote(req.text)} is allowed, but not on every port it needs: ${formatPortSpec(gap)} missing (${describeSources(req.sources)})`,
            entry: first.text,
            requirement: req,
        });
    }
    /** Azure Firewall tags and hosted feeds stand for a part of the catalogue. */
    coveredByReference(req) {
        if (this.references.length === 0)
            return false;
        return this.references.some((ref) => req.sources.some((s) => {
            const r = ref.reference;
            if (s.kind !== 'endpoint-set')
                return false;
            if (r.serviceAreas && !(s.serviceArea && r.serviceAreas.includes(s.serviceArea)))
                return false;
            if (r.categories && !(s.category && r.categories.includes(s.category)))
                return false;
            if (r.required !== undefined && r.required !== s.required)
                return false;
            if (r.addressKinds) {
                const kind = req.kind === 'host' ? 'url' : req.block.family === 4 ? 'ipv4' : 'ipv6';
                if (!r.addressKinds.includes(kind))
                    return false;
            }
            return true;
        }));
    }
    // ── entries: what does not belong ─────────────────────────────────────────
    checkHostEntries() {
        const seen = new Map();
        for (const e of this.hosts) {
            const key = e.ports ? `${e.pattern.key()}|${portsKey(e.ports)}` : e.pattern.key();
            const first = seen.get(key);
            if (first) {
                this.add('redundant-entry', 'notice', e.location, {
                    message: `${engine_quote(e.text)} is a duplicate of the entry at ${where(first.location, e.location)}`,
                    entry: e.text,
                });
                continue;
            }
            seen.set(key, e);
            this.judgeHost(e);
        }
    }
    judgeHost(e) {
        const scope = this.scopeOf.get(e.location.file);
        const mirrors = this.ctx.catalogueHostKeys.has(e.pattern.key());
        if (!mirrors &&
            !this.ctx.allHostIndex.touches(e.pattern.base) &&
            !this.ctx.selectedHostIndex.touches(e.pattern.base)) {
            // Nothing in the catalogue shares a name with it: the common case of a large general list.
            this.judgeUnrelatedHost(e, scope);
            return;
        }
        const related = mirrors ? [] : this.ctx.allHostIndex.related(e.pattern.base);
        const matching = mirrors ? [] : related.filter((r) => e.pattern.intersects(r.pattern));
        const inSelection = this.ctx.selectedHostKeys.has(e.pattern.key()) ||
            this.ctx.selectedHostIndex
                .related(e.pattern.base)
                .some((r) => e.pattern.intersects(r.pattern));
        const registrable = e.pattern.registrableDomain();
        const inNamespace = mirrors ||
            matching.length > 0 ||
            (registrable !== undefined && this.ctx.domains.has(registrable));
        if (!mirrors) {
            const broad = e.pattern.overBreadth() ?? this.wholeDomain(e, matching);
            if (broad && (scope === 'dedicated' || inNamespace || e.pattern.text === '*')) {
                this.add('over-broad-entry', 'warning', e.location, {
                    message: `${engine_quote(e.text)} ${broad}`,
                    entry: e.text,
                });
                return;
            }
        }
        if (!mirrors && this.redundantHost(e))
            return;
        if (inSelection)
            return;
        if (mirrors || matching.length > 0) {
            const sources = mirrors
                ? this.ctx.allHostReqs
                    .filter((r) => r.pattern.key() === e.pattern.key())
                    .flatMap((r) => r.sources)
                : matching.flatMap((r) => r.sources);
            this.add('outside-selection', 'notice', e.location, {
                message: `${engine_quote(e.text)} is only needed by endpoint sets outside the selection (${describeSources(sources)})`,
                entry: e.text,
            });
            return;
        }
        if (scope === 'mixed' && !inNamespace)
            return;
        this.add('extraneous-entry', scope === 'mixed' ? 'notice' : 'warning', e.location, {
            message: scope === 'mixed'
                ? `${engine_quote(e.text)} is under a Microsoft 365 domain (${registrable}) but no Microsoft 365 endpoint matches it`
                : `${engine_quote(e.text)} matches nothing in the ${this.cloudName()} catalogue`,
            entry: e.text,
        });
    }
    /** An entry no catalogue pattern shares a name with: over-broad, redundant or extraneous. */
    judgeUnrelatedHost(e, scope) {
        if (scope === 'mixed') {
            // Outside Microsoft 365's namespaces a mixed list is not judged, except for allowing everything.
            if (e.pattern.text === '*')
                this.add('over-broad-entry', 'warning', e.location, {
                    message: `${engine_quote(e.text)} ${e.pattern.overBreadth() ?? 'allows every name'}`,
                    entry: e.text,
                });
            return;
        }
        const broad = e.pattern.overBreadth();
        if (broad) {
            this.add('over-broad-entry', 'warning', e.location, {
                message: `${engine_quote(e.text)} ${broad}`,
                entry: e.text,
            });
            return;
        }
        if (this.redundantHost(e))
            return;
        this.add('extraneous-entry', 'warning', e.location, {
            message: `${engine_quote(e.text)} matches nothing in the ${this.cloudName()} catalogue`,
            entry: e.text,
        });
    }
    /** A wildcard over a whole registrable domain of which the catalogue needs only some names. */
    wholeDomain(e, matching) {
        if (!e.pattern.isWildcard || matching.length === 0)
            return undefined;
        const domain = e.pattern.registrableDomain();
        if (domain === undefined || e.pattern.base !== domain)
            return undefined;
        if (matching.some((r) => r.pattern.coverage(e.pattern) === 'full'))
            return undefined;
        const names = new Set(matching.map((r) => r.text));
        return `allows every name under ${domain}, but the catalogue needs only ${names.size} pattern${names.size === 1 ? '' : 's'} there (${listSome([...names].sort())})`;
    }
    redundantHost(e) {
        let cover;
        const need = e.ports ?? allPorts;
        this.hostIndex.eachAbove(e.pattern.base, (items) => {
            for (const f of items) {
                if (f === e || f.pattern.key() === e.pattern.key())
                    continue;
                if (f.pattern.coverage(e.pattern) === 'full' && portsCover(f.ports, need)) {
                    cover = f;
                    return true;
                }
            }
            return false;
        });
        if (!cover)
            return false;
        this.add('redundant-entry', 'notice', e.location, {
            message: `${engine_quote(e.text)} is already covered by ${engine_quote(cover.text)} at ${where(cover.location, e.location)}`,
            entry: e.text,
        });
        return true;
    }
    checkIpEntries() {
        // this.ips is in file and line order, and equal blocks keep that order.
        const blocks = this.ips.map((e) => e.block.masked());
        const masked = Array.from(IpBlock.orderWidestFirst(blocks), (i) => ({
            e: this.ips[i],
            m: blocks[i],
        }));
        // Sweep in address order: an entry inside the widest earlier block (same ports) adds nothing.
        const widest = new Map();
        const redundant = new Set();
        for (const item of masked) {
            const { e, m } = item;
            const key = e.ports ? `${m.family}|${portsKey(e.ports)}` : m.family === 4 ? '4' : '6';
            const w = widest.get(key);
            if (w && w.m.contains(m)) {
                const duplicate = w.m.key() === m.key();
                const judged = this.scopeOf.get(e.location.file) === 'dedicated' || this.ctx.allSpace.overlaps(m);
                if (judged && (duplicate || !this.ctx.catalogueIpKeys.has(m.key()))) {
                    redundant.add(e);
                    this.add('redundant-entry', 'notice', e.location, {
                        message: duplicate
                            ? `${engine_quote(e.text)} is a duplicate of the entry at ${where(w.e.location, e.location)}`
                            : `${engine_quote(e.text)} is already covered by ${engine_quote(w.e.text)} at ${where(w.e.location, e.location)}`,
                        entry: e.text,
                    });
                    continue;
                }
            }
            if (!w || !w.m.contains(m))
                widest.set(key, item);
        }
        for (const e of this.ips) {
            if (e.block.hasHostBits)
                this.add('host-bits-set', 'warning', e.location, {
                    message: `${engine_quote(e.text)} has host bits set; the network is ${e.block.masked().text}`,
                    entry: e.text,
                });
            if (!redundant.has(e))
                this.judgeIp(e);
        }
    }
    judgeIp(e) {
        const b = e.block.masked();
        const scope = this.scopeOf.get(e.location.file);
        const family = b.family;
        // Compare prefix lengths where there is one: sizes are bigints, too slow for every entry.
        const larger = b.prefixLength !== undefined
            ? b.prefixLength < this.ctx.shortestPrefix[family]
            : b.size() > this.ctx.largest[family];
        if (larger && !this.ctx.catalogueIpKeys.has(b.key())) {
            const size = b.size();
            const inside = IpSet.of([b]).intersect(this.ctx.allSpace).size(family);
            if (inside === 0n
                ? scope === 'dedicated' || b.prefixLength === 0
                : size >= inside * OVER_BROAD_FACTOR) {
                const share = inside === 0n ? 'none' : `${percent(inside, size)} of it`;
                this.add('over-broad-entry', 'warning', e.location, {
                    message: b.prefixLength === 0
                        ? `${engine_quote(e.text)} allows every IPv${family} address`
                        : `${engine_quote(e.text)} is far larger than anything required: the ${this.cloudName()} catalogue uses ${share}`,
                    entry: e.text,
                });
                return;
            }
        }
        if (this.ctx.selectedSpace.overlaps(b))
            return;
        if (this.ctx.allSpace.overlaps(b)) {
            const sources = this.ctx.allIpReqs
                .filter((r) => r.block.overlaps(b))
                .flatMap((r) => r.sources);
            this.add('outside-selection', 'notice', e.location, {
                message: sources.length > 0
                    ? `${engine_quote(e.text)} is only needed by endpoint sets outside the selection (${describeSources(sources)})`
                    : `${engine_quote(e.text)} is in Microsoft 365 address space but no selected endpoint set needs it`,
                entry: e.text,
            });
            return;
        }
        if (scope === 'mixed')
            return;
        this.add('extraneous-entry', 'warning', e.location, {
            message: `${engine_quote(e.text)} is outside every address range of the ${this.cloudName()} catalogue`,
            entry: e.text,
        });
    }
    // ── where a missing entry belongs ─────────────────────────────────────────
    nearestHost(base) {
        for (const s of [base, ...suffixesOf(base)]) {
            if (!this.ctx.interesting.has(s))
                continue;
            const near = this.hostIndex.atOrUnder(s);
            if (near.length > 0) {
                const e = [...near].sort((a, b) => compareLocations(a.location, b.location))[0];
                return { location: e.location, where: `it belongs beside ${engine_quote(e.text)}` };
            }
        }
        return this.fallback('hosts');
    }
    nearestIp(block) {
        let best;
        let bestDistance = -1n;
        for (const e of this.ips) {
            if (e.block.family !== block.family)
                continue;
            const d = distance(e.block, block);
            if (!best ||
                d < bestDistance ||
                (d === bestDistance && compareLocations(e.location, best.location) < 0)) {
                best = e;
                bestDistance = d;
            }
        }
        if (best)
            return { location: best.location, where: `it belongs beside ${engine_quote(best.text)}` };
        return this.fallback('ips');
    }
    /** The file of the group that holds entries of this kind, at its last such entry. */
    fallback(kind) {
        const file = this.files.find((f) => f.parsed.entries.some((e) => e.kind === (kind === 'hosts' ? 'host' : 'ip'))) ??
            this.files.find((f) => f.capabilities[kind]) ??
            this.files[0];
        const last = file.parsed.entries[file.parsed.entries.length - 1];
        if (!last)
            return {
                location: { file: file.parsed.path, line: 0, column: 0 },
                where: 'add it to this file',
            };
        return { location: { ...last.location, column: 1 }, where: `add it to ${file.parsed.path}` };
    }
    cloudName() {
        return CLOUD_NAMES[this.ctx.instance];
    }
    add(ruleId, severity, location, rest) {
        this.findings.push({
            ruleId,
            severity,
            message: rest.message,
            location,
            ...(rest.entry !== undefined ? { entry: rest.entry } : {}),
            ...(rest.requirement ? { requirement: describeRequirement(rest.requirement) } : {}),
            ...(rest.uncovered ? { uncovered: rest.uncovered } : {}),
            group: this.group,
        });
    }
}
// ── small helpers ─────────────────────────────────────────────────────────────
const allPorts = { tcp: PortSet.ANY, udp: PortSet.ANY };
function portsKey(p) {
    return p ? `${p.tcp.key()}/${p.udp.key()}` : 'any';
}
/** Entries without ports allow every port (their format cannot say otherwise). */
function portsCover(have, need) {
    if (!have)
        return true;
    return have.tcp.covers(need.tcp) && have.udp.covers(need.udp);
}
function engine_unionPorts(list) {
    let tcp = PortSet.EMPTY;
    let udp = PortSet.EMPTY;
    for (const p of list) {
        if (!p)
            return allPorts;
        tcp = tcp.union(p.tcp);
        udp = udp.union(p.udp);
    }
    return { tcp, udp };
}
function subtractSpec(need, have) {
    return { tcp: need.tcp.subtract(have.tcp), udp: need.udp.subtract(have.udp) };
}
function suffixesOf(name) {
    const out = [];
    let i = name.indexOf('.');
    while (i !== -1) {
        out.push(name.slice(i + 1));
        i = name.indexOf('.', i + 1);
    }
    return out;
}
function distance(a, b) {
    if (a.last < b.first)
        return b.first - a.last;
    if (b.last < a.first)
        return a.first - b.last;
    return 0n;
}
function percent(part, whole) {
    const p = Number((part * 10000n) / whole) / 100;
    return p < 0.01 ? 'less than 0.01%' : `${p}%`;
}
function engine_quote(text) {
    return `"${text}"`;
}
function where(first, here) {
    return first.file === here.file ? `line ${first.line}` : `${first.file}:${first.line}`;
}
function listSome(items, max = 4) {
    if (items.length <= max)
        return items.join(', ');
    return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}
/** "Exchange set 1 Optimize, set 2 Allow optional" — every set that needs it, compactly. */
function describeSources(sources) {
    const seen = new Set();
    const parts = [];
    for (const s of [...sources].sort((a, b) => a.id - b.id)) {
        const text = s.kind === 'endpoint-set'
            ? `${s.serviceArea} set ${s.id} ${s.category}${s.required ? '' : ' optional'}`
            : `scenario ${s.scenario ?? s.id}`;
        if (seen.has(text))
            continue;
        seen.add(text);
        parts.push(text);
    }
    return listSome(parts, 6);
}
function describeRequirement(req) {
    return {
        kind: req.kind,
        pattern: req.kind === 'host' ? req.text : req.block.masked().text,
        endpointSets: req.sources.map((s) => ({
            ...(s.kind === 'endpoint-set'
                ? { endpointSetId: s.id }
                : { scenario: s.scenario ?? String(s.id) }),
            ...(s.serviceArea ? { serviceArea: s.serviceArea } : {}),
            ...(s.category ? { category: s.category } : {}),
            required: s.required,
        })),
        ports: { tcp: req.ports.tcp.toString(), udp: req.ports.udp.toString() },
    };
}
/** Deterministic order: file, line, column, rule, then the text. */
function sortFindings(findings) {
    return findings.sort((a, b) => compareLocations(a.location, b.location) ||
        (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) ||
        severityRank(b.severity) - severityRank(a.severity) ||
        (a.message < b.message ? -1 : a.message > b.message ? 1 : 0));
}


// EXTERNAL MODULE: ./node_modules/tinyglobby/dist/index.mjs + 1 modules
var tinyglobby_dist = __webpack_require__(3382);
;// CONCATENATED MODULE: ./src/io/files.ts




/** Larger files are refused: no allowlist is this big, and reading one would exhaust memory. */
const MAX_FILE_BYTES = 256 * 1024 * 1024;
/** Expands each spec's path or glob under `root` and reads the files; never throws for user errors. */
async function loadAllowlistFiles(root, specs) {
    const files = [];
    const errors = [];
    const seen = new Set();
    for (const spec of specs) {
        const paths = await expand(root, spec.path);
        if (paths.length === 0) {
            errors.push(`${describeOrigin(spec)}: "${spec.path}" matches no file`);
            continue;
        }
        for (const rel of paths) {
            const key = `${spec.group}\u0000${rel}`;
            if (seen.has(key))
                continue;
            seen.add(key);
            const read = await readText(external_node_path_default().join(root, rel), rel);
            if ('error' in read)
                errors.push(read.error);
            else
                files.push({ spec, path: rel, text: read.text });
        }
    }
    return { files, errors };
}
async function expand(root, pattern) {
    const normalised = pattern.replace(/\\/g, '/').replace(/^\.\//, '');
    if (!(0,tinyglobby_dist/* isDynamicPattern */.ey)(normalised)) {
        try {
            const s = await (0,promises_.stat)(external_node_path_default().join(root, normalised));
            return s.isFile() || s.isDirectory() ? [normalised] : [];
        }
        catch {
            return [];
        }
    }
    const found = await (0,tinyglobby_dist/* glob */.TI)(normalised, {
        cwd: root,
        onlyFiles: true,
        dot: true,
        expandDirectories: false,
    });
    return found.sort();
}
/** Reads a file as UTF-8 text, refusing directories, oversized, binary and non-UTF-8 files. */
async function readText(absolute, shown) {
    let size;
    try {
        const s = await (0,promises_.stat)(absolute);
        if (s.isDirectory())
            return { error: `${shown}: is a directory, not a file` };
        size = s.size;
    }
    catch (e) {
        return { error: `${shown}: cannot be read (${describeIoError(e)})` };
    }
    if (size > MAX_FILE_BYTES)
        return {
            error: `${shown}: is too large to check (${size} bytes; the limit is ${MAX_FILE_BYTES} bytes)`,
        };
    let bytes;
    try {
        bytes = await (0,promises_.readFile)(absolute);
    }
    catch (e) {
        return { error: `${shown}: cannot be read (${describeIoError(e)})` };
    }
    const nul = bytes.indexOf(0);
    if (nul !== -1)
        return { error: `${shown}: is not a text file (NUL byte at offset ${nul})` };
    try {
        return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
    }
    catch {
        return { error: `${shown}: is not valid UTF-8 text` };
    }
}
function describeIoError(e) {
    const code = e.code;
    if (code === 'ENOENT')
        return 'no such file';
    if (code === 'EACCES' || code === 'EPERM')
        return 'permission denied';
    return code ?? String(e);
}

;// CONCATENATED MODULE: ./src/pipeline.ts



function selectionOf(options) {
    return {
        instance: options.instance,
        serviceAreas: [...options.serviceAreas],
        categories: [...options.categories],
        includeOptional: options.includeOptional,
        ipv6: options.ipv6,
        ...(options.tenant ? { tenant: options.tenant } : {}),
        scenarios: [...options.scenarios],
    };
}
/** files → format registry → entries → diff: the whole check, file system given as `root`. */
async function runCheck(root, options, catalogue) {
    const loaded = await loadAllowlistFiles(root, options.allowlists);
    const errors = [...loaded.errors];
    const files = [];
    for (const file of loaded.files) {
        const source = { path: file.path, text: file.text };
        const resolved = resolveFormat(source, file.spec.format);
        if ('error' in resolved) {
            errors.push(`${file.path}: ${resolved.error}`);
            continue;
        }
        files.push({
            parsed: resolved.format.parse(source),
            capabilities: resolved.format.capabilities,
            scope: file.spec.scope,
            group: file.spec.group,
        });
    }
    const result = check({ catalogue, selection: selectionOf(options), files });
    return { result, inputErrors: errors };
}

;// CONCATENATED MODULE: ./src/report/json.ts

const REPORT_VERSION = 1;
/** The JSON report (schemas/report.schema.json): stable field order, deterministic content. */
function renderJson(result) {
    return `${JSON.stringify(toReport(result), null, 2)}\n`;
}
function toReport(result) {
    const { selection } = result.catalogue;
    return {
        reportVersion: REPORT_VERSION,
        tool: 'endpoint-drift',
        catalogue: {
            instance: result.catalogue.instance,
            dataDate: result.catalogue.dataDate,
            source: result.catalogue.source,
            selection: {
                serviceAreas: selection.serviceAreas,
                categories: selection.categories,
                includeOptional: selection.includeOptional,
                ipv6: selection.ipv6,
                ...(selection.tenant ? { tenant: selection.tenant } : {}),
                scenarios: selection.scenarios,
            },
            requirements: result.catalogue.requirements,
        },
        files: result.files.map((f) => ({
            path: f.path,
            format: f.format,
            group: f.group,
            scope: f.scope,
            entries: f.entries,
        })),
        summary: json_summarise(result.findings),
        notes: result.notes,
        findings: result.findings.map(toJsonFinding),
    };
}
function toJsonFinding(f) {
    return {
        ruleId: f.ruleId,
        severity: f.severity,
        title: RULES[f.ruleId].title,
        message: f.message,
        file: f.location.file,
        line: f.location.line,
        column: f.location.column,
        ...(f.group !== undefined ? { group: f.group } : {}),
        ...(f.entry !== undefined ? { entry: f.entry } : {}),
        ...(f.requirement ? { requirement: f.requirement } : {}),
        ...(f.uncovered ? { uncovered: f.uncovered } : {}),
    };
}
function json_summarise(findings) {
    const out = { error: 0, warning: 0, notice: 0, byRule: {} };
    for (const f of findings) {
        out[f.severity]++;
        out.byRule[f.ruleId] = (out.byRule[f.ruleId] ?? 0) + 1;
    }
    out.byRule = Object.fromEntries(Object.entries(out.byRule).sort(([a], [b]) => (a < b ? -1 : 1)));
    return out;
}

;// CONCATENATED MODULE: ./src/report/text.ts


/** Text for a terminal or a CI log: findings grouped by file, one line each, `file:line:col`. */
function renderText(result, options = {}) {
    const paint = options.color ? ansi : plain;
    const lines = [];
    const { catalogue } = result;
    lines.push(`endpoint-drift: ${CLOUD_NAMES[catalogue.selection.instance]} catalogue (data ${catalogue.dataDate}), ` +
        `${catalogue.requirements.hosts} host and ${catalogue.requirements.ips} address requirements; ` +
        `${result.files.length} file${result.files.length === 1 ? '' : 's'}, ` +
        `${result.files.reduce((n, f) => n + f.entries, 0)} entries`);
    const byFile = new Map();
    for (const f of result.findings) {
        const list = byFile.get(f.location.file);
        if (list)
            list.push(f);
        else
            byFile.set(f.location.file, [f]);
    }
    for (const [file, findings] of byFile) {
        lines.push('', paint.bold(file));
        for (const f of findings) {
            const at = f.location.line > 0 ? `${file}:${f.location.line}:${f.location.column}` : file;
            lines.push(`  ${at}  ${paint[f.severity](f.severity.padEnd(7))} ${f.ruleId}  ${f.message}`);
        }
    }
    for (const note of result.notes)
        lines.push('', `note: ${note}`);
    const s = json_summarise(result.findings);
    lines.push('', `${s.error} error${s.error === 1 ? '' : 's'}, ${s.warning} warning${s.warning === 1 ? '' : 's'}, ` +
        `${s.notice} notice${s.notice === 1 ? '' : 's'}`);
    return `${lines.join('\n')}\n`;
}
const plain = { bold: (s) => s, error: (s) => s, warning: (s) => s, notice: (s) => s };
const ansi = {
    bold: (s) => `\u001b[1m${s}\u001b[22m`,
    error: (s) => `\u001b[31m${s}\u001b[39m`,
    warning: (s) => `\u001b[33m${s}\u001b[39m`,
    notice: (s) => `\u001b[36m${s}\u001b[39m`,
};

;// CONCATENATED MODULE: ./src/cli.ts












const DEFAULT_CONFIG = '.github/endpoint-drift.yml';
/** Runs the CLI and returns the exit status; the only place besides the action that decides one. */
async function run(argv, io) {
    const [command, ...rest] = argv;
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
        io.stdout(cli_help/* HELP */._);
        return command === undefined ? 2 : 0;
    }
    if (command === '--version' || command === '-V') {
        io.stdout(`${cli_help/* VERSION */.x}\n`);
        return 0;
    }
    if (command === 'formats') {
        for (const f of ALLOWLIST_FORMATS)
            io.stdout(`${f.id.padEnd(16)} ${f.title} (${f.filePatterns.join(', ')})\n`);
        return 0;
    }
    if (command !== 'check') {
        io.stderr(`endpoint-drift: unknown command "${command}" (expected check or formats; see --help)\n`);
        return 2;
    }
    try {
        return await cli_check(rest, io);
    }
    catch (e) {
        if (e instanceof UsageError || e instanceof ConfigError) {
            io.stderr(`${e.message}\n`);
            return 2;
        }
        throw e;
    }
}
class UsageError extends Error {
}
async function cli_check(argv, io) {
    const args = parseCheckArgs(argv);
    const root = external_node_path_default().resolve(io.cwd, args.root ?? '.');
    const config = await readConfig(io.cwd, root, args.config);
    const overrides = Object.fromEntries(OPTION_NAMES.map((n) => [n, args.options[n]]));
    const options = resolveOptions(config, overrides, args.allowlists);
    if (options.allowlists.length === 0)
        throw new UsageError(`endpoint-drift: no allowlists to check: give --allowlist PATH or list them under "allowlists" in ${config?.path ?? DEFAULT_CONFIG}`);
    const { result, inputErrors } = await runCheck(root, options, EMBEDDED_CATALOGUE);
    io.stdout(args.format === 'json' ? renderJson(result) : renderText(result, { color: io.color ?? false }));
    if (args.output)
        await (0,promises_.writeFile)(external_node_path_default().resolve(io.cwd, args.output), renderJson(result));
    for (const e of inputErrors)
        io.stderr(`endpoint-drift: ${e}\n`);
    if (inputErrors.length > 0)
        return 2;
    if (options.failOn === 'never')
        return 0;
    const threshold = severityRank(options.failOn);
    return result.findings.some((f) => severityRank(f.severity) >= threshold) ? 1 : 0;
}
const BOOLEAN_FLAGS = ['include-optional', 'ipv6'];
function parseCheckArgs(argv) {
    // Boolean options accept `--ipv6`, `--ipv6=false` and `--no-ipv6`, like the config's true/false.
    const normalised = argv.map((a) => {
        for (const b of BOOLEAN_FLAGS) {
            if (a === `--${b}`)
                return `--${b}=true`;
            if (a === `--no-${b}`)
                return `--${b}=false`;
        }
        return a;
    });
    let parsed;
    try {
        parsed = (0,external_node_util_.parseArgs)({
            args: normalised,
            strict: true,
            allowPositionals: false,
            options: {
                config: { type: 'string' },
                root: { type: 'string' },
                allowlist: { type: 'string', multiple: true },
                format: { type: 'string' },
                output: { type: 'string' },
                ...Object.fromEntries(OPTION_NAMES.map((n) => [n, { type: 'string' }])),
            },
        });
    }
    catch (e) {
        throw new UsageError(`endpoint-drift check: ${e.message.split('\n')[0]} (see --help)`);
    }
    const v = parsed.values;
    const format = v.format ?? 'text';
    if (format !== 'text' && format !== 'json')
        throw new UsageError(`endpoint-drift check: --format must be text or json, got "${format}"`);
    return {
        ...(v.config !== undefined ? { config: v.config } : {}),
        ...(v.root !== undefined ? { root: v.root } : {}),
        ...(v.output !== undefined ? { output: v.output } : {}),
        allowlists: v.allowlist ?? [],
        format,
        options: Object.fromEntries(OPTION_NAMES.map((n) => [n, v[n]])),
    };
}
async function readConfig(cwd, root, given) {
    const file = given !== undefined ? external_node_path_default().resolve(cwd, given) : external_node_path_default().join(root, DEFAULT_CONFIG);
    if (given === undefined && !(0,external_node_fs_.existsSync)(file))
        return undefined;
    const shown = external_node_path_default().relative(cwd, file) || file;
    try {
        return { path: shown, text: await (0,promises_.readFile)(file, 'utf8') };
    }
    catch (e) {
        const code = e.code;
        throw new UsageError(`${shown}: cannot read the configuration (${code === 'ENOENT' ? 'no such file' : (code ?? String(e))})`);
    }
}


/***/ })

};
